"""Mutation testing of a topic's reference under its checks: ``make mutants TOPIC=x [KATA=y]``.

Each mutant is the reference with one small change of the kind a learner's bug makes (mutmut's and
cosmic-ray's classic operators, applied with :mod:`ast`): ``<`` for ``<=``, ``+`` for ``-``, ``and``
for ``or``, ``min`` for ``max``, a number one off, a keyword argument dropped (its default used
instead), a statement dropped, ``break`` for ``continue``. A mutant is *killed* when some check of
its kata does not pass; one that keeps full marks *survives*: either a check is missing, or the
change does not change behaviour (an *equivalent* mutant), which ``tests/mutants/<topic>.toml``
lists with a one-line reason::

    [[equivalent]]
    id = "lu_solve | abs(U[p, k]) <= tol -> abs(U[p, k]) < tol"
    why = "the tolerance is never met with equality by a float pivot"

Mutants run as learners' submissions do (the preloaded worker, the jail), only the checks whose
coverage reaches the changed line (coverage.py contexts, one run of the reference), and each stops
at its first failing check, so a topic takes minutes.

    $ python -m tests.mutants probability --kata logsumexp
    probability: 41 mutants, 39 killed, 1 equivalent, 1 survived: score 97.6 %
    survived  logsumexp | np.max(a, axis=axis, keepdims=True) -> np.max(a, keepdims=True)   (line 14)
"""
from __future__ import annotations

import argparse
import ast
import copy
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from grader.catalogue import REPO, SOLUTIONS, Topic, topic as find_topic
from tests import reference_run

MUTANTS = Path(__file__).resolve().parent / "mutants"

_BINARY = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
           ast.Pow: ast.Mult, ast.Mod: ast.FloorDiv, ast.MatMult: ast.Mult}
_COMPARE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
            ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In}
_NAMES = {"min": "max", "max": "min", "argmin": "argmax", "argmax": "argmin", "sum": "mean", "mean": "sum",
          "minimum": "maximum", "maximum": "minimum", "any": "all", "all": "any", "floor": "ceil", "ceil": "floor"}


@dataclass(frozen=True)
class Mutant:
    id: str  # "function | before -> after": stable while the reference's lines move
    function: str
    line: int
    source: str  # the whole mutated module
    in_signature: bool = False  # a default value: run when the module is imported, used by the calls


def _sites(tree: ast.Module):
    """(node, mutation) pairs in a fixed order; a mutation is applied to a deep copy by index."""
    for function in _functions(tree):
        for node in ast.walk(function):
            yield from ((function, node, m) for m in _mutations_of(node))


def _functions(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node
        elif isinstance(node, ast.ClassDef):
            yield from (n for n in node.body if isinstance(n, ast.FunctionDef))


def _docstring(node) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _mutations_of(node: ast.AST) -> list[tuple]:
    out: list[tuple] = []
    if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _BINARY:
        out.append(("op", _BINARY[type(node.op)]))
    if isinstance(node, ast.AugAssign):
        out.append(("assign",))
    if isinstance(node, ast.Compare):
        out += [("cmp", i, _COMPARE[type(op)]) for i, op in enumerate(node.ops) if type(op) in _COMPARE]
    if isinstance(node, ast.BoolOp):
        out.append(("bool",))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
        out.append(("unary",))
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        out.append(("number",))
    if isinstance(node, ast.Constant) and type(node.value) is bool:
        out.append(("flip",))
    if isinstance(node, ast.Name) and node.id in _NAMES:
        out.append(("name",))
    if isinstance(node, ast.Attribute) and node.attr in _NAMES:
        out.append(("attr",))
    if isinstance(node, ast.Call):
        out += [("keyword", i) for i, k in enumerate(node.keywords) if k.arg is not None]
    if isinstance(node, (ast.Break, ast.Continue)):
        out.append(("loop",))
    for field in ("body", "orelse"):
        block = getattr(node, field, None)
        if isinstance(block, list) and len(block) > 1:
            out += [("drop", field, i) for i, s in enumerate(block)
                    if isinstance(s, (ast.Expr, ast.AugAssign, ast.Assign)) and not _docstring(s)]
    return out


def _apply(node: ast.AST, mutation: tuple) -> ast.AST | None:
    """Mutate ``node`` in place (or return a replacement node); None when the mutation does not apply."""
    kind = mutation[0]
    if kind == "op":
        node.op = mutation[1]()
    elif kind == "assign":
        return ast.copy_location(ast.Assign(targets=[node.target], value=node.value, lineno=node.lineno), node)
    elif kind == "cmp":
        node.ops[mutation[1]] = mutation[2]()
    elif kind == "bool":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "unary":
        return node.operand
    elif kind == "number":
        node.value = node.value + 1
    elif kind == "flip":
        node.value = not node.value
    elif kind == "name":
        node.id = _NAMES[node.id]
    elif kind == "attr":
        node.attr = _NAMES[node.attr]
    elif kind == "keyword":
        del node.keywords[mutation[1]]
    elif kind == "loop":
        return ast.copy_location(ast.Continue() if isinstance(node, ast.Break) else ast.Break(), node)
    elif kind == "drop":
        block = getattr(node, mutation[1])
        block[mutation[2]] = ast.copy_location(ast.Pass(), block[mutation[2]])
    return node


def _snippet(node: ast.AST, mutation: tuple) -> str:
    if mutation[0] == "drop":
        return ast.unparse(getattr(node, mutation[1])[mutation[2]]).splitlines()[0][:100]
    return " ".join(ast.unparse(node).split())[:100]


def mutants_of(source: str, functions: set[str] | None = None, sources: bool = True) -> list[Mutant]:
    """Every mutant of a module's functions (and methods), in a fixed order, with stable ids
    (``sources=False``: the ids alone, without building each mutated module)."""
    tree = ast.parse(source)
    sites = list(_sites(tree))
    out, seen = [], {}
    for index, (function, node, mutation) in enumerate(sites):
        if functions is not None and function.name not in functions:
            continue
        mutated_tree = copy.deepcopy(tree) if sources else None
        target = list(_sites(mutated_tree))[index][1] if sources else copy.deepcopy(node)
        before = _snippet(target, mutation)
        replacement = _apply(target, mutation)
        if sources and replacement is not target:  # a node replaced by another: swap it in its parent
            _replace(mutated_tree, target, replacement)
        after = _snippet(replacement, mutation) if mutation[0] != "drop" else "pass"
        if mutation[0] == "drop":
            after = "(dropped)"
        key = f"{function.name} | {before} -> {after}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key} #{seen[key]}"
        try:
            text = ast.unparse(ast.fix_missing_locations(mutated_tree)) if sources else ""
        except Exception:
            continue
        line = getattr(getattr(node, mutation[1])[mutation[2]] if mutation[0] == "drop" else node, "lineno", function.lineno)
        out.append(Mutant(key, function.name, line, text, line < function.body[0].lineno))
    return out


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new
                        return


# --- which checks reach which lines ------------------------------------------------------------------

def coverage_map(topic: Topic) -> tuple[dict[int, set[str]], dict[str, set[str]]]:
    """({line of the reference: katas whose checks run it}, {function: katas whose checks run its body}),
    from one in-process run of the topic's checks against the reference."""
    done = reference_run.run([topic], public=True, contexts=True)
    kata_of_check = {c["name"].split("[")[0]: c["kata"] for c in done.log.get("checks", []) if c["topic"] == topic.id}
    source = topic.module_in(SOLUTIONS)
    entry = done.file(source)
    lines: dict[int, set[str]] = {}
    for line, contexts in entry.get("contexts", {}).items():
        katas = {kata_of_check.get(c.rsplit(".", 1)[-1]) for c in contexts if c}
        lines[int(line)] = {k for k in katas if k}
    functions: dict[str, set[str]] = {}
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for function in _functions(tree):  # its body's lines, not the def line (run at import, by any check)
        body = range(function.body[0].lineno, function.end_lineno + 1)
        functions.setdefault(function.name, set()).update(k for n in body for k in lines.get(n, ()))
    return lines, functions


# --- running them ----------------------------------------------------------------------------------

def equivalents(topic_id: str) -> dict[str, str]:
    path = MUTANTS / f"{topic_id}.toml"
    if not path.is_file():
        return {}
    return {e["id"]: e.get("why", "") for e in tomllib.loads(path.read_text(encoding="utf-8")).get("equivalent", [])}


def run(topic: Topic, kata: str | None = None, limit: int | None = None, quiet: bool = False) -> dict:
    from grader.worker import Job, Limits, preload, run_jobs

    source_path = topic.module_in(SOLUTIONS)
    lines, function_katas = coverage_map(topic)
    wanted = {f for f, katas in function_katas.items() if kata is None or kata in katas}
    if kata is not None and not wanted:
        raise SystemExit(f"no function of {source_path.name} is reached by the checks of {kata}")
    mutants = mutants_of(source_path.read_text(encoding="utf-8"), wanted if kata else None)[:limit]
    known = equivalents(topic.id)
    scratch = Path(tempfile.mkdtemp(prefix=f"kata-mutants-{topic.id}-"))
    jobs, unreached = [], []
    for i, mutant in enumerate(mutants):
        katas = function_katas.get(mutant.function, set())
        if not katas or not (lines.get(mutant.line) or mutant.in_signature):
            unreached.append(mutant)
            continue
        root = scratch / f"m{i}"
        module = topic.module_in(root)
        module.parent.mkdir(parents=True)
        module.write_text(mutant.source, encoding="utf-8")
        jobs.append(Job(topic, root, only_exercises=frozenset(katas), key=mutant, first_failure=True))
    preload([topic])
    results = run_jobs(jobs, Limits(check_timeout=10, topic_deadline=120)) if jobs else []
    verdicts = {job.key: verdict(r) for job, r in zip(jobs, results)}
    survived = [m for m, v in verdicts.items() if v == "survived"] + unreached
    inconclusive = [m for m, v in verdicts.items() if v == "inconclusive"]
    equivalent = [m for m in survived if m.id in known]
    alive = [m for m in survived if m.id not in known]
    killed = len(mutants) - len(survived) - len(inconclusive)
    score = 100.0 * (killed + len(equivalent)) / len(mutants) if mutants else 100.0
    if not quiet:
        print(f"{topic.id}{' / ' + kata if kata else ''}: {len(mutants)} mutants, {killed} killed, "
              f"{len(equivalent)} equivalent, {len(alive)} survived"
              + (f", {len(inconclusive)} inconclusive" if inconclusive else "") + f": score {score:.1f} %")
        for mutant in sorted(alive, key=lambda m: m.line):
            note = "  (no check runs this line)" if mutant in unreached else ""
            print(f"survived  {source_path.relative_to(REPO)}:{mutant.line}  {mutant.id}{note}")
        for mutant in sorted(inconclusive, key=lambda m: m.line):
            print(f"inconclusive  {source_path.relative_to(REPO)}:{mutant.line}  {mutant.id}  "
                  "(the grader's own limit stopped it, not a check: rerun on a quieter machine)")
    return {"mutants": len(mutants), "killed": killed, "equivalent": len(equivalent), "survived": alive,
            "inconclusive": inconclusive, "score": score}


def verdict(result) -> str:
    """``killed`` when a check lost a point to the mutant; ``inconclusive`` when only the grader's own
    limits did (the topic's deadline on a loaded machine, a worker that never graded), else ``survived``."""
    if result.status != "graded" or not result.checks:
        return "inconclusive"
    lost = [c for c in result.checks if c.status != "passed"]
    if not lost:
        return "survived"
    stopped_by_the_grader = all(c.message.startswith("not run:") or "topic ran past its" in c.message for c in lost)
    return "inconclusive" if stopped_by_the_grader else "killed"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make mutants", description=__doc__.splitlines()[0])
    parser.add_argument("topic")
    parser.add_argument("--kata")
    parser.add_argument("--limit", type=int, help="only the first N mutants (a quick look)")
    options = parser.parse_args(argv)
    try:
        topic = find_topic(options.topic)
    except (KeyError, ValueError, SystemExit):
        print(f"unknown topic {options.topic!r}: see `make help` for the topics")
        return 2
    result = run(topic, options.kata, options.limit)
    return 1 if result["survived"] or result["inconclusive"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The nbgrader course: one notebook per topic, built with nbformat from the brief and the code.

Per topic: markdown cells from the brief; one code cell with the module's imports; per kata, one
solution cell holding the reference with every function body inside ``### BEGIN SOLUTION`` /
``### END SOLUTION`` (so nbgrader's release holds the stub); and one autograded test cell per
check with the check's points, hidden checks inside ``### BEGIN HIDDEN TESTS`` /
``### END HIDDEN TESTS``. Which definitions belong to which kata is read from the checks
themselves (the learner names each kata's checks use).
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from grader.catalogue import PHASES, SOLUTIONS, Topic, select_phases
from grader.katas import katas_of

if TYPE_CHECKING:  # an optional extra: imported for real only when notebooks are built
    import nbformat

CONFIG = '''c = get_config()  # noqa: F821 (nbgrader's config object)
c.CourseDirectory.course_id = "ml-stack-katas"
c.ClearSolutions.code_stub = {"python": "raise NotImplementedError()"}
c.ExecutePreprocessor.timeout = 300
'''


def kata_names_used(topic: Topic) -> dict[str, list[str]]:
    """kata -> learner attribute names its checks use (``la.gram_schmidt_qr`` -> gram_schmidt_qr)."""
    used: dict[str, list[str]] = {}
    for path in (topic.public_checks, topic.hidden_checks):
        if not path.is_file():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        proxies = {t.id for node in tree.body if isinstance(node, ast.Assign)
                   and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "learner"
                   for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and getattr(deco.func, "id", "") == "check" and deco.args:
                    kata = ast.literal_eval(deco.args[0])
                    names = used.setdefault(kata, [])
                    for sub in ast.walk(node):
                        if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id in proxies:
                            if sub.attr not in names:
                                names.append(sub.attr)
    return used


def _wrap_bodies(source: str, node: ast.AST) -> str:
    """The source of a top-level def/class with every function body inside solution markers."""
    lines = source.splitlines()
    start = (node.decorator_list[0].lineno if getattr(node, "decorator_list", None) else node.lineno) - 1
    segment = lines[start:node.end_lineno]
    inserts: list[tuple[int, int, str]] = []  # (first body line, last body line, indent) relative to segment
    for fn in ast.walk(node):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if any(fn is not outer and fn in ast.walk(outer) for outer in ast.walk(node)
               if isinstance(outer, (ast.FunctionDef, ast.AsyncFunctionDef)) and outer is not fn):
            continue  # nested function: already inside its parent's solution region
        body = fn.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            body = body[1:]  # keep the docstring visible
        if not body:
            continue
        first, last = body[0].lineno - 1 - start, fn.end_lineno - 1 - start
        indent = " " * body[0].col_offset
        inserts.append((first, last, indent))
    for first, last, indent in sorted(inserts, reverse=True):
        segment[last + 1:last + 1] = [f"{indent}### END SOLUTION"]
        segment[first:first] = [f"{indent}### BEGIN SOLUTION"]
    return "\n".join(segment)


def _metadata(grade_id: str, *, solution: bool, grade: bool, points: float = 0, locked: bool = False) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution,
            "task": False}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def topic_notebook(topic: Topic, checks: list) -> nbformat.NotebookNode:
    """The notebook for one topic; ``checks`` are the grader's CheckResults for the reference."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    source = topic.module_in(SOLUTIONS).read_text(encoding="utf-8")
    tree = ast.parse(source)
    cells = []
    brief = topic.brief.read_text(encoding="utf-8")
    for number, section in enumerate(("\n" + brief).split("\n## ")):
        text = section.strip()
        if text:
            cells.append(new_markdown_cell(text if number == 0 else "## " + text))
    setup = [ast.get_source_segment(source, n) for n in tree.body
             if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
             and not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    cells.append(new_code_cell("\n".join(setup), metadata=_metadata("setup", solution=False, grade=False, locked=True)))

    owner: dict[str, str] = {}
    for kata, names in kata_names_used(topic).items():
        for name in names:
            owner.setdefault(name, kata)
    by_kata: dict[str, list[str]] = {k.name: [] for k in katas_of(topic)}
    pending: list[str] = []
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    for node in defs:
        pending.append(_wrap_bodies(source, node))
        kata = owner.get(node.name)
        if kata in by_kata:
            by_kata[kata] += pending
            pending = []
    if pending:  # helpers after the last kata's definitions
        last = next(reversed([k for k in by_kata if by_kata[k]]), None) or katas_of(topic)[0].name
        by_kata[last] += pending

    for kata in katas_of(topic):
        cells.append(new_markdown_cell(f"### Kata: `{kata.name}` — {kata.title}"))
        code = "\n\n\n".join(by_kata[kata.name]) or "# (this kata's code is in the cells above)"
        cells.append(new_code_cell(code, metadata=_metadata(f"{kata.name}_solution", solution=True, grade=False)))
        for number, check in enumerate(c for c in checks if c.exercise == kata.name):
            public = check.visibility == "public"
            call = (f"from grader.notebook_runtime import run_check\n"
                    f"run_check({topic.id!r}, {check.name!r}, globals(), public={public})")
            body = call if public else f"### BEGIN HIDDEN TESTS\n{call}\n### END HIDDEN TESTS"
            header = f"# {kata.name} · {check.name}: {check.max_score:g} point(s), {check.visibility} check\n"
            cells.append(new_code_cell(header + body, metadata=_metadata(
                f"{kata.name}_check_{number}", solution=False, grade=True, points=check.max_score, locked=True)))
    notebook = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    nbformat.validate(notebook)
    return notebook


def build_course(out: Path, phase_spec: str = "all") -> Path:
    """Write ``out/nbgrader_config.py`` and ``out/source/phaseN/<topic>.ipynb``."""
    import nbformat

    from grader.grade import grade

    out = Path(out)
    phases = select_phases(phase_spec)
    reference = grade(SOLUTIONS, phase_spec)
    checks = {t.topic.id: t.checks for t in reference.topics if t.status == "graded"}
    out.mkdir(parents=True, exist_ok=True)
    (out / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    for phase in phases:
        for topic in phase.topics:
            if topic.id in checks:
                path = out / "source" / f"phase{phase.number}" / f"{topic.id}.ipynb"
                path.parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(topic_notebook(topic, checks[topic.id]), path)
    return out


assert PHASES  # the course follows the catalogue's phases

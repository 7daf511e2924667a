"""Build the trees the project's tests grade: the reference, the stubs, and the variants.

A variant holds only the definition(s) it replaces (plus imports); its first docstring line says
what it is. Its tree is the reference module with the variant appended, so its definitions replace
the reference's and every other kata of the topic stays as it was. Two kinds:

- ``tests/variants/<topic>/<kata>/<bug>.py``: a known-wrong implementation, which must lose points;
- ``tests/alternatives/<topic>/<kata>/<name>.py``: a correct implementation written another way
  (loops instead of vectorised, another algorithm, another valid sign), which must keep full marks:
  the checks test the conventions the brief pins, not the reference's way of writing it.
"""
from __future__ import annotations

import ast
import shutil
from dataclasses import dataclass
from pathlib import Path

from grader.catalogue import EXERCISES, SOLUTIONS, Topic, all_topics

VARIANTS = Path(__file__).resolve().parent / "variants"
ALTERNATIVES = Path(__file__).resolve().parent / "alternatives"


def available_topics() -> list[Topic]:
    return [t for t in all_topics() if t.available]


@dataclass(frozen=True)
class Variant:
    topic: Topic
    kata: str
    bug: str
    path: Path
    correct: bool = False

    @property
    def id(self) -> str:
        return f"{self.topic.id}/{self.kata}/{self.bug}"

    @property
    def key(self) -> str:
        """Unique among all trees of a topic, wrong and correct."""
        return f"{'alternative' if self.correct else 'wrong'}:{self.id}"

    @property
    def description(self) -> str:
        return (ast.get_docstring(ast.parse(self.path.read_text(encoding="utf-8"))) or "").splitlines()[0]


def variants_of(topic: Topic) -> list[Variant]:
    """The known-wrong variants of ``topic``."""
    root = VARIANTS / topic.id
    return [Variant(topic, p.parent.name, p.stem, p) for p in sorted(root.glob("*/*.py"))]


def alternatives_of(topic: Topic) -> list[Variant]:
    """The correct implementations of ``topic`` written differently from the reference."""
    root = ALTERNATIVES / topic.id
    return [Variant(topic, p.parent.name, p.stem, p, correct=True) for p in sorted(root.glob("*/*.py"))]


def all_variants() -> list[Variant]:
    return [v for t in available_topics() for v in variants_of(t)]


def _bound_names(tree: ast.Module) -> dict[str, str]:
    """Top-level names a module binds -> how (the import statement's text, or "def")."""
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names[(alias.asname or alias.name).split(".")[0]] = ast.dump(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] = "def"
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Name):
                        names[leaf.id] = "assign"
    return names


def variant_touches_only_its_kata(variant: Variant) -> bool:
    """True when no code of the reference outside the names the variant rebinds refers to them.

    Then the other katas' checks cannot see the variant, and grading only its own kata proves
    "the other katas keep full marks" without running them. Conservative: any other top-level
    definition that mentions a rebound name (even one of the same kata) means a full grade.
    """
    reference = ast.parse(variant.topic.module_in(SOLUTIONS).read_text(encoding="utf-8"))
    ref_names = _bound_names(reference)
    wrong = _bound_names(ast.parse(variant.path.read_text(encoding="utf-8")))
    rebound = {n for n, how in wrong.items() if how == "def" or ref_names.get(n) != how}
    for node in reference.body:
        own = {node.name} if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else set()
        if own & rebound:
            continue
        used = {leaf.id for leaf in ast.walk(node) if isinstance(leaf, ast.Name)}
        if used & rebound:
            return False
    return True


def katas_a_variant_reaches(variant: Variant) -> frozenset[str] | None:
    """The katas whose checks can see the variant: its own, and every kata whose checks use a name
    the variant rebinds or a reference definition that (transitively) refers to one. None when a
    check-file helper outside the checks uses such a name (then only a whole grade is safe)."""
    reference = ast.parse(variant.topic.module_in(SOLUTIONS).read_text(encoding="utf-8"))
    ref_names = _bound_names(reference)
    wrong = _bound_names(ast.parse(variant.path.read_text(encoding="utf-8")))
    reached = {n for n, how in wrong.items() if how == "def" or ref_names.get(n) != how}
    grown = True
    while grown:
        grown = False
        for node in reference.body:
            names = set(_bound_names(ast.Module(body=[node], type_ignores=[])))
            used = {leaf.id for leaf in ast.walk(node) if isinstance(leaf, ast.Name)}
            if names - reached and used & reached:
                reached |= names
                grown = True
    by_kata, shared = _names_the_checks_use(variant.topic)
    if reached & shared:
        return None
    return frozenset({variant.kata} | {kata for kata, names in by_kata.items() if names & reached})


def _names_the_checks_use(topic: Topic) -> tuple[dict[str, set[str]], set[str]]:
    """(kata -> learner names its checks use, names used outside any check: helpers, fixtures)."""
    by_kata: dict[str, set[str]] = {}
    shared: set[str] = set()
    for path in (topic.public_checks, topic.hidden_checks):
        if not path.is_file():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        proxies = {t.id for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                   and getattr(node.value.func, "id", "") == "learner" for t in node.targets if isinstance(t, ast.Name)}

        def used(node: ast.AST) -> set[str]:
            return {sub.attr for sub in ast.walk(node) if isinstance(sub, ast.Attribute)
                    and isinstance(sub.value, ast.Name) and sub.value.id in proxies}

        for node in tree.body:
            kata = next((ast.literal_eval(d.args[0]) for d in getattr(node, "decorator_list", [])
                         if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "check" and d.args), None)
            if kata is None:
                shared |= used(node)
            else:
                by_kata.setdefault(kata, set()).update(used(node))
    return by_kata, shared


def build_variant_tree(variant: Variant, root: Path) -> Path:
    """``root/<topic>/<topic>.py`` = reference + variant; returns ``root``."""
    topic = variant.topic
    folder = root / topic.id
    folder.mkdir(parents=True, exist_ok=True)
    reference = topic.module_in(SOLUTIONS).read_text(encoding="utf-8")
    replacement = variant.path.read_text(encoding="utf-8")
    (folder / f"{topic.id}.py").write_text(
        f"{reference}\n\n# ---- variant {variant.id} ----\n{replacement}", encoding="utf-8")
    return root


def variant_jobs(topic: Topic, scratch: Path) -> list:
    """One grading job per known-wrong variant and correct alternative of ``topic`` (key: its key),
    each in its own tree under ``scratch``: graded on its own kata when nothing else in the
    reference refers to what it rebinds (several times faster), else on the katas it can reach; a
    known-wrong variant graded on its kata alone has proved its point at its first lost check."""
    from grader.worker import Job

    jobs = []
    for variant in variants_of(topic) + alternatives_of(topic):
        root = build_variant_tree(variant, scratch / variant.key.replace(":", "-"))
        only = frozenset({variant.kata}) if variant_touches_only_its_kata(variant) else katas_a_variant_reaches(variant)
        jobs.append(Job(topic, root, only_exercises=only, key=variant.key,
                        first_failure=only == {variant.kata} and not variant.correct))
    return jobs


def copy_tree(source: Path, root: Path, topics: list[Topic]) -> Path:
    """Copy just the learner modules of ``topics`` from ``source`` to ``root``."""
    for topic in topics:
        dest = topic.module_in(root)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(topic.module_in(source), dest)
    return root


STUBS = EXERCISES
REFERENCE = SOLUTIONS

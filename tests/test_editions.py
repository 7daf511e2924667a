"""Instructor editions: the student edition holds no answers and grades; the nbgrader course
gives, through the real nbgrader, the same points as our grader for the same code."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader.catalogue import HIDDEN_CHECKS, SOLUTIONS, topic
from grader.edition import build_student_edition
from grader.grade import grade
from tests.kata_cases import build_variant_tree, variant_touches_only_its_kata, variants_of

VENV = Path(sys.executable).parent.parent


def _bodies(path: Path) -> dict[str, str]:
    """Function name -> AST dump of its body (docstring dropped), for bodies that do something."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return {}
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body[1:] if node.body and isinstance(node.body[0], ast.Expr) \
                and isinstance(node.body[0].value, ast.Constant) else node.body
            if body and not (len(body) == 1 and isinstance(body[0], (ast.Raise, ast.Pass))):
                out[f"{path.name}:{node.name}"] = "\n".join(ast.dump(b) for b in body)
    return out


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return build_student_edition(tmp_path_factory.mktemp("edition") / "katas")


def test_edition_is_a_git_repository_with_one_commit(edition):
    done = subprocess.run(["git", "-C", str(edition), "rev-list", "--count", "HEAD"], capture_output=True, text=True)
    assert done.stdout.strip() == "1"
    status = subprocess.run(["git", "-C", str(edition), "status", "--porcelain"], capture_output=True, text=True)
    assert status.stdout == ""
    assert (edition / ".github" / "workflows" / "grade.yml").is_file()
    assert "make grade" in (edition / ".github" / "workflows" / "grade.yml").read_text()


def test_edition_holds_no_solution_body_and_no_hidden_check(edition):
    assert not (edition / "solutions").exists() and not (edition / "tests").exists()
    assert [p.name for p in (edition / "grader" / "checks").glob("*.py")] == ["__init__.py"]
    shipped: dict[str, str] = {}
    texts = []
    for path in edition.rglob("*"):
        if path.is_file() and ".git" not in path.parts:
            if path.suffix == ".py":
                shipped.update(_bodies(path))
            texts.append(path.read_bytes().decode("utf-8", errors="replace"))
    shipped_dumps = set(shipped.values())
    secret = {}
    for path in SOLUTIONS.rglob("*.py"):
        secret.update(_bodies(path))
    for path in HIDDEN_CHECKS.glob("*.py"):  # the checks themselves; tiny helpers (t64, rng) may be shared
        secret.update({k: v for k, v in _bodies(path).items() if ":test_" in k or v.count("\n") >= 2})
    leaked = [name for name, dump in secret.items() if dump in shipped_dumps]
    assert not leaked, f"solution or hidden-check code in the student edition: {leaked[:5]}"
    for path in HIDDEN_CHECKS.glob("*.py"):
        if path.name != "__init__.py":
            source = path.read_text(encoding="utf-8")
            assert not any(source in text for text in texts), f"{path.name} shipped verbatim"


def test_make_grade_in_the_edition_scores_public_checks_and_says_so(edition):
    env = {**os.environ, "KATA_STATE_DIR": str(edition.parent / "state")}
    done = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed-runtime", "grade", "PHASE=1", f"VENV={VENV}"], cwd=edition,
                          capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    assert "Score: 0 /" in done.stdout and "not attempted yet" in done.stdout
    assert "your instructor runs the hidden checks" in done.stdout
    done = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed-runtime", "check", "TOPIC=linear_algebra", f"VENV={VENV}"],
                          cwd=edition, capture_output=True, text=True, timeout=600, env=env)
    assert "not attempted yet" in done.stdout
    done = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed-runtime", "release", "OUT=/tmp/never", f"VENV={VENV}"],
                          cwd=edition, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode != 0 and "already a student edition" in done.stderr


# --- nbgrader ------------------------------------------------------------------------------

TOPIC = topic("linear_algebra")


def _nbgrader(course: Path, *args: str) -> None:
    env = {**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run([str(VENV / "bin" / "nbgrader"), *args], cwd=course, capture_output=True, text=True,
                          timeout=600, env=env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_nbgrader_autogrades_with_the_same_points_as_the_grader(tmp_path):
    import nbformat
    from nbgrader.api import Gradebook

    from grader.notebooks import CONFIG, topic_notebook

    # one kata of the topic, the wrong variant's (with a ban and a contract): every notebook cell
    # runs pytest once, so the whole topic would take minutes and prove no more
    variant = next(v for v in variants_of(TOPIC) if variant_touches_only_its_kata(v))
    katas = {TOPIC.id: {variant.kata}}
    reference = grade(SOLUTIONS, topic_id=TOPIC.id, only_exercises=katas)
    checks = next(t for t in reference.topics if t.topic.id == TOPIC.id).checks
    assert {c.exercise for c in checks} == katas[TOPIC.id]
    course = tmp_path / "course"
    source = course / "source" / "phase1" / f"{TOPIC.id}.ipynb"
    source.parent.mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(CONFIG)
    notebook = topic_notebook(TOPIC, checks)
    nbformat.write(notebook, source)
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert any("### BEGIN HIDDEN TESTS" in c.source for c in cells)
    assert all(c.metadata["nbgrader"]["points"] > 0 for c in cells if c.metadata["nbgrader"]["grade"])

    _nbgrader(course, "generate_assignment", "phase1", "--force")
    release = course / "release" / "phase1" / f"{TOPIC.id}.ipynb"
    released = release.read_text()
    assert "### BEGIN SOLUTION" not in released and "BEGIN HIDDEN TESTS" not in released
    assert "raise NotImplementedError()" in released

    wrong = nbformat.read(source, 4)
    cell = next(c for c in wrong.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"{variant.kata}_solution")
    cell.source += "\n\n" + variant.path.read_text()
    for student, nb in (("ref", nbformat.read(source, 4)), ("stub", nbformat.read(release, 4)), ("wrong", wrong)):
        path = course / "submitted" / student / "phase1" / f"{TOPIC.id}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)
    _nbgrader(course, "autograde", "phase1", "--force")

    tree = build_variant_tree(variant, tmp_path / "variant-tree")
    ours = {"ref": next(t for t in reference.topics if t.topic.id == TOPIC.id).score,
            "stub": 0.0,
            "wrong": next(t for t in grade(tree, topic_id=TOPIC.id, only_exercises=katas).topics if t.topic.id == TOPIC.id).score}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        theirs = {s: gradebook.find_submission_notebook(TOPIC.id, "phase1", s).score for s in ours}
    assert theirs == pytest.approx(ours), (theirs, ours)
    # the variant escapes its kata's ban by an alias: nbgrader runs the checks in the kernel's own
    # process, and must still charge every one of them (it gave full marks before the identity watch)
    assert ours["ref"] > ours["wrong"] and ours["stub"] == 0

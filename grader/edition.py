"""The student edition: the repository without answers, ready to push as a class template.

Included: content/, exercises/ (briefs, katas.toml, stubs, public checks), the grader without its
hidden checks, the Makefile, README, pyproject.toml, and a GitHub Classroom workflow. Excluded:
solutions/, grader/checks/<topic>.py, tests/ (the known-wrong variants live there).
In the edition, ``make grade`` runs and scores the public checks and says the hidden ones are
the instructor's.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from grader.catalogue import HIDDEN_CHECKS, REPO, SOLUTIONS

INCLUDED_TOP = ("content", "exercises", "grader", "Makefile", "README.md", "pyproject.toml", "conftest.py",
                ".gitignore")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".katas", "*.egg-info", ".pytest_cache")

BANNER = """> **Student edition.** This copy has the briefs, stubs, public checks and the grader, but no
> solutions and no hidden checks: `make grade` scores the public checks, and your instructor runs
> the hidden ones. Work in `exercises/`, commit, push.

"""

WORKFLOW = """name: grade
on:
  push:
  workflow_dispatch:
jobs:
  grade:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: CPU-only torch (smaller and faster than the default build)
        run: python -m venv .venv && .venv/bin/pip install --quiet "torch>=2.3,<2.14" --index-url https://download.pytorch.org/whl/cpu
      - name: Public checks
        run: make grade PHASE=all
      - name: JSON report
        run: make grade PHASE=all FORMAT=json OUTPUT=grade.json
      - uses: actions/upload-artifact@v4
        with:
          name: grade
          path: grade.json
"""


class EditionError(Exception):
    """The edition cannot be built; one line says why."""


def build_student_edition(out: Path) -> Path:
    """Write the student edition into ``out`` (new or empty) as a git repository with one commit."""
    out = Path(out)
    if not SOLUTIONS.is_dir():
        raise EditionError("this is already a student edition: build editions from the instructor's repository")
    if out.exists() and any(out.iterdir()):
        raise EditionError(f"{out} is not empty: choose a new folder for the edition")
    if out.resolve().is_relative_to(REPO.resolve()):
        raise EditionError(f"{out} is inside the repository: choose a folder outside it")
    out.mkdir(parents=True, exist_ok=True)
    for name in INCLUDED_TOP:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, out / name, ignore=IGNORED)
        elif source.is_file():
            shutil.copy2(source, out / name)
    for hidden in (out / "grader" / "checks").glob("*.py"):
        if hidden.name != "__init__.py":
            hidden.unlink()
    readme = out / "README.md"
    readme.write_text(BANNER + readme.read_text(encoding="utf-8"), encoding="utf-8")
    workflow = out / ".github" / "workflows" / "grade.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(WORKFLOW, encoding="utf-8")
    _git(out, "init", "-q", "-b", "main")
    _git(out, "add", "-A")
    _git(out, "-c", "user.name=ML Stack Katas", "-c", "user.email=katas@example.invalid",
         "commit", "-q", "-m", "Student edition of ML Stack Katas")
    return out


def _git(cwd: Path, *args: str) -> None:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise EditionError(f"git {args[0]} failed in {cwd}: {done.stderr.strip()}")


assert HIDDEN_CHECKS.name == "checks"  # the edition drops grader/checks/<topic>.py by this layout

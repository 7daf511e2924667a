"""Gradescope: build ``autograder.zip`` and run inside Gradescope's container.

Gradescope unpacks the zip into ``/autograder/source``, runs ``setup.sh`` once when the image is
built, then ``run_autograder`` per submission: the student's files are in
``/autograder/submission`` and the result goes to ``/autograder/results/results.json``:
``score``, ``execution_time``, ``output``, and ``tests[]`` with ``name``, ``score``,
``max_score``, ``status`` (passed/failed), ``output`` and ``visibility``. Public checks are
``visible``; hidden checks are ``after_published`` (their names and messages, never their code).
The zip holds the grader, the hidden checks, the public checks and briefs; no solutions.
"""
from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

from grader.catalogue import REPO, all_topics
from grader.grade import GradingError, grade
from grader.submissions import Submission, SubmissionError, materialise

SETUP_SH = """#!/usr/bin/env bash
# Runs once when Gradescope builds the autograder image (choose the Ubuntu 24.04 base image).
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends python3 python3-venv python3-pip
cd /autograder/source
python3 -m venv .venv
.venv/bin/pip install --quiet torch --index-url https://download.pytorch.org/whl/cpu
.venv/bin/pip install --quiet -e .
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every submission.
cd /autograder/source
exec .venv/bin/python -m grader gradescope --root /autograder --phase {phase}
"""


def _included(path: Path) -> bool:
    rel = path.relative_to(REPO).as_posix()
    if "__pycache__" in rel or rel.endswith(".pyc"):
        return False
    if rel.startswith("grader/") or rel in ("pyproject.toml", "README.md", "conftest.py"):
        return True
    if rel.startswith("exercises/"):
        topic = next((t for t in all_topics() if rel.startswith(f"exercises/{t.id}/")), None)
        return topic is not None and path.name in ("katas.toml", "README.md", topic.public_checks.name)
    return False


def build_autograder_zip(out: Path, phase: str) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("setup.sh", SETUP_SH), ("run_autograder", RUN_AUTOGRADER.format(phase=phase))):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            archive.writestr(info, text)
        for path in sorted(REPO.rglob("*")):
            if path.is_file() and _included(path):
                archive.write(path, path.relative_to(REPO).as_posix())
    return out


def results_json(report: dict, seconds: float) -> dict:
    tests = []
    for topic in report["topics"]:
        for check in topic["checks"]:
            tests.append({
                "name": f"{topic['topic']} · {check['exercise']} · {check['name']}",
                "score": check["score"],
                "max_score": check["max_score"],
                "status": "passed" if check["status"] == "passed" else "failed",
                "output": check["message"] or "passed",
                "visibility": "visible" if check.get("visibility") == "public" else "after_published",
                "tags": [topic["topic"], check["exercise"], check["status"]],
            })
    lines = [f"{t['title']}: {t['score']:g} / {t['max_score']:g}" for t in report["topics"] if t["status"] != "coming"]
    return {"score": report["score"], "execution_time": int(round(seconds)), "output": "\n".join(lines),
            "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}


def run_autograder(root: Path, phase: str) -> int:
    """Grade ``root/submission`` and write ``root/results/results.json``; exit 0 whatever happens."""
    start = time.monotonic()
    results_dir = root / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    scratch = root / "tmp-kata-tree"
    try:
        tree = materialise(Submission("student", root / "submission", "folder"), scratch)
        report = grade(tree, phase, workers=1).to_dict()
        result = results_json(report, time.monotonic() - start)
    except (SubmissionError, GradingError) as error:
        result = {"score": 0.0, "execution_time": int(round(time.monotonic() - start)),
                  "output": f"Your submission could not be graded: {error}", "tests": []}
    (results_dir / "results.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0

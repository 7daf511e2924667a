"""The command line as a learner and an instructor meet it: exit codes, one-line errors, JSON."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from grader.catalogue import PHASES, REPO, all_topics
from grader.results import STATUSES


@pytest.fixture(autouse=True, scope="module")
def scratch_state(tmp_path_factory):
    """Keep the learner's own .katas/ progress out of the project's tests."""
    os.environ["KATA_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    yield
    os.environ.pop("KATA_STATE_DIR", None)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def stub_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("json") / "grade.json"
    done = run("grade", "--phase", "1", "--target", "exercises", "--format", "json", "--output", str(out))
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text())


def test_json_report_has_the_documented_fields(stub_json):
    for key in ("phase", "score", "max_score", "topics"):
        assert key in stub_json
    graded = [t for t in stub_json["topics"] if t["status"] == "graded"]
    assert graded
    for topic in stub_json["topics"]:
        for key in ("topic", "title", "score", "max_score", "checks", "status"):
            assert key in topic
    for check in (c for t in graded for c in t["checks"]):
        for key in ("name", "exercise", "score", "max_score", "status", "message", "seconds"):
            assert key in check
        assert check["status"] in STATUSES


def test_stubs_score_zero_and_say_not_attempted(stub_json):
    assert stub_json["score"] == 0 and stub_json["max_score"] > 0
    assert {c["status"] for t in stub_json["topics"] for c in t["checks"]} == {"not_attempted"}


def test_topics_without_exercises_are_listed_as_coming(stub_json):
    ids = [t["topic"] for t in stub_json["topics"]]
    assert ids == [t.id for t in PHASES[0].topics]
    for topic in stub_json["topics"]:
        available = next(t for t in all_topics() if t.id == topic["topic"]).available
        assert topic["status"] == ("graded" if available else "coming")
        if not available:
            assert topic["max_score"] == 0


def test_table_tells_not_attempted_and_exits_zero():
    done = run("grade", "--phase", "1", "--target", "exercises")
    assert done.returncode == 0
    assert "not attempted yet" in done.stdout and "Score: 0 /" in done.stdout


@pytest.mark.parametrize("args, needle", [
    (("grade", "--phase", "9"), "unknown phase '9'"),
    (("grade", "--phase", "one"), "unknown phase 'one'"),
    (("grade", "--phase", "1", "--target", "no/such/folder"), "does not exist"),
    (("grade", "--phase", "1", "--target", "Makefile"), "is not a folder"),
    (("check",), "name a topic"),
    (("check", "quantum"), "unknown topic 'quantum'"),
    (("hint", "quantum"), "unknown topic 'quantum'"),
])
def test_bad_input_gets_one_line_error_and_nonzero_exit(args, needle):
    done = run(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_next_and_progress_and_hint_guide_the_learner():
    done = run("next")
    assert done.returncode == 0 and "brief:" in done.stdout and "exercises/" in done.stdout
    done = run("progress")
    assert done.returncode == 0 and all(t.title[:12] in done.stdout for t in all_topics())
    first = next(t for t in all_topics() if t.available)
    done = run("hint", first.id, "--all")
    assert done.returncode == 0 and "1." in done.stdout

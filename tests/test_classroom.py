"""An instructor's class: correct, empty, partly wrong, broken and hostile submissions; a zip, a
git repository, a student missing from the roster; resume, late policy, Gradescope and Dask."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from grader.catalogue import EXERCISES, REPO, SOLUTIONS, phase
from grader.classroom import Classroom, ClassroomOptions
from grader.worker import Limits
from tests.kata_cases import variants_of

PHASE = "1"
TOPICS = [t for t in phase(1).topics if t.available]
LIMITS = Limits(check_timeout=10, topic_deadline=120, memory_mb=1024)
COMMIT_DATE = "2026-11-20T12:00:00+00:00"


def _copy_modules(source: Path, dest: Path) -> Path:
    for topic in TOPICS:
        target = dest / topic.id / f"{topic.id}.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(topic.module_in(source), target)
    return dest


def _git(repo: Path, *args: str, date: str = COMMIT_DATE) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "s", "GIT_AUTHOR_EMAIL": "s@x", "GIT_COMMITTER_NAME": "s", "GIT_COMMITTER_EMAIL": "s@x"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def klass(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("class")
    subs = root / "submissions"
    subs.mkdir()
    _copy_modules(SOLUTIONS, subs / "alice")                       # correct
    _copy_modules(EXERCISES, subs / "bob")                         # untouched stubs
    carol = _copy_modules(SOLUTIONS, root / "carol-src" / "my-work" / "exercises")
    with zipfile.ZipFile(subs / "carol.zip", "w") as archive:      # a zip with a folder inside
        for path in carol.rglob("*.py"):
            archive.write(path, path.relative_to(root / "carol-src").as_posix())
    (subs / "dave.zip").write_text("this is not a zip")            # not a zip
    erin = _copy_modules(SOLUTIONS, subs / "erin")                 # a git repo, partly wrong at HEAD
    variant = variants_of(TOPICS[0])[0]
    module = erin / TOPICS[0].id / f"{TOPICS[0].id}.py"
    module.write_text(module.read_text() + "\n\n" + variant.path.read_text())
    _git(erin, "init", "-q")
    _git(erin, "add", ".")
    _git(erin, "commit", "-qm", "my work")
    module.write_text("this uncommitted edit is not graded (")
    frank = _copy_modules(SOLUTIONS, subs / "frank")               # hostile: kills its process at import
    (frank / TOPICS[0].id / f"{TOPICS[0].id}.py").write_text("import os\nos._exit(1)\n")
    gina = _copy_modules(SOLUTIONS, subs / "gina")                 # hangs at import
    (gina / TOPICS[0].id / f"{TOPICS[0].id}.py").write_text("while True:\n    pass\n")
    (root / "roster.csv").write_text("student_id,name\nalice,A\nbob,B\ncarol,C\nerin,E\nzed,Z\n")
    return root


def _options(klass: Path, out: Path, **kw) -> ClassroomOptions:
    return ClassroomOptions(submissions=klass / "submissions", phase=PHASE, out=out, roster=klass / "roster.csv",
                            limits=LIMITS, show_progress=False, **kw)


@pytest.fixture(scope="module")
def graded(klass, tmp_path_factory):
    before = digest(klass / "submissions")
    out = tmp_path_factory.mktemp("out")
    records = Classroom(_options(klass, out, deadline=datetime(2026, 11, 18, tzinfo=timezone.utc),
                                 penalty_per_day=10)).run()
    return {r["student"]: r for r in records}, out, before


def _gradebook(out: Path) -> dict[str, dict]:
    with open(out / "gradebook.csv", newline="") as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle)}


def test_every_student_gets_one_row_with_the_right_status(graded):
    records, out, _ = graded
    rows = _gradebook(out)
    assert sorted(rows) == ["alice", "bob", "carol", "dave", "erin", "frank", "gina", "zed"]
    assert {s: rows[s]["status"] for s in rows} == {
        "alice": "graded", "bob": "graded", "carol": "graded", "dave": "error", "erin": "graded",
        "frank": "graded", "gina": "graded", "zed": "missing"}
    full = records["alice"]["max_score"]
    assert full > 0 and records["alice"]["raw_score"] == full and records["carol"]["raw_score"] == full
    assert records["bob"]["raw_score"] == 0 and records["frank"]["raw_score"] < full and records["gina"]["raw_score"] < full
    assert 0 < records["erin"]["raw_score"] < full, "erin's HEAD holds one known-wrong kata"
    assert "not a valid zip" in rows["dave"]["message"] and rows["zed"]["message"] == "no submission"
    assert all(float(rows[s]["max_score"]) == full for s in rows)


def test_hostile_submissions_get_their_own_statuses(graded):
    records, _, _ = graded
    frank = [c for t in records["frank"]["report"]["topics"] for c in t["checks"] if t["topic"] == TOPICS[0].id]
    gina = [c for t in records["gina"]["report"]["topics"] for c in t["checks"] if t["topic"] == TOPICS[0].id]
    assert {c["status"] for c in frank} == {"error"} and "exit code 1" in frank[0]["message"]
    assert {c["status"] for c in gina} == {"timeout"}


def test_late_policy_uses_commit_time(graded):
    records, out, _ = graded
    erin = records["erin"]
    assert erin["late_days"] == 3  # committed 2026-11-20 12:00, deadline 2026-11-18 00:00
    assert erin["penalty"] == pytest.approx(0.3 * erin["raw_score"])
    assert erin["score"] == pytest.approx(erin["raw_score"] - erin["penalty"])
    row = _gradebook(out)["erin"]
    assert float(row["late_days"]) == 3 and float(row["total"]) == pytest.approx(erin["score"])


def test_nothing_in_a_submission_is_modified(graded, klass):
    _, _, before = graded
    assert digest(klass / "submissions") == before


def test_feedback_files_show_every_check_without_check_code(graded):
    records, out, _ = graded
    students = out / "students"
    for student in ("alice", "bob", "dave", "zed"):
        for suffix in ("json", "md", "html"):
            assert (students / f"{student}.{suffix}").is_file()
    md = (students / "erin.md").read_text()
    hidden = [c for t in records["erin"]["report"]["topics"] for c in t["checks"] if c["visibility"] == "hidden"]
    assert hidden and all(c["name"] in md for c in hidden)
    lost = [c for c in hidden if c["status"] != "passed"]
    assert lost and all(c["message"].replace("|", "\\|") in md for c in lost)
    assert "def test_" not in md and "def test_" not in (students / "erin.html").read_text()


def test_report_html_renders_its_plots_in_headless_chromium(graded, tmp_path):
    _, out, _ = graded
    html = (out / "report.html").read_text()
    assert html.count("<svg") == 2 and 'class="bar"' in html
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    shot = tmp_path / "report.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1400",
                    f"--screenshot={shot}", (out / "report.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    import numpy as np
    from PIL import Image

    pixels = np.asarray(Image.open(shot).convert("RGB"), dtype=int)
    bar_pixels = int((np.abs(pixels - np.array([0x4C, 0x72, 0xB0])).max(axis=-1) <= 8).sum())
    assert bar_pixels > 500, "the plots' bars did not render"


def test_resume_after_an_interrupt_grades_only_the_rest(klass, graded, tmp_path):
    out = tmp_path / "out"
    few = tmp_path / "few"  # the quick students: an interrupt and a resume are about bookkeeping, not attacks
    few.mkdir()
    for name in ("alice", "bob", "carol.zip", "dave.zip", "erin"):
        source = klass / "submissions" / name
        if source.is_dir():
            shutil.copytree(source, few / name, symlinks=True)
        else:
            shutil.copy2(source, few / name)
    command = [sys.executable, "-m", "grader", "classroom", "--submissions", str(few),
               "--phase", PHASE, "--out", str(out), "--roster", str(klass / "roster.csv"), "--workers", "2",
               "--check-timeout", "10", "--quiet", "--deadline", "2026-11-18T00:00", "--penalty-per-day", "10"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len([p for p in (out / "students").glob("*.json")]) < 2:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "--resume" in err, err
    first = {p.name: p.stat().st_mtime_ns for p in (out / "students").glob("*.json")}
    assert 2 <= len(first) < 5
    done = subprocess.run(command + ["--resume"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    after = {p.name: p.stat().st_mtime_ns for p in (out / "students").glob("*.json")}
    assert all(after[name] == stamp for name, stamp in first.items()), "resume graded a finished student again"
    records, full_out, _ = graded
    ours, theirs = _gradebook(out), _gradebook(full_out)
    assert sorted(ours) == ["alice", "bob", "carol", "dave", "erin", "zed"]  # zed: on the roster, no submission
    assert ours == {student: theirs[student] for student in ours}


def test_gradescope_autograder_zip_runs_and_writes_valid_results(tmp_path):
    import jsonschema

    zip_path = tmp_path / "autograder.zip"
    done = subprocess.run([sys.executable, "-m", "grader", "gradescope", "--build", str(zip_path), "--phase", PHASE],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert "setup.sh" in names and "run_autograder" in names
        assert not any(n.startswith("solutions/") for n in names)
        assert all(f"grader/checks/{t.id}.py" in names for t in TOPICS)
        root = tmp_path / "autograder"
        archive.extractall(root / "source")
    assert "--phase 1" in (root / "source" / "run_autograder").read_text()
    _copy_modules(SOLUTIONS, root / "submission" / "exercises")
    done = subprocess.run([sys.executable, "-m", "grader", "gradescope", "--root", str(root), "--phase", PHASE],
                          cwd=root / "source", capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(root / "source"), "KATA_STATE_DIR": str(tmp_path / "s")})
    assert done.returncode == 0, done.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    jsonschema.validate(results, GRADESCOPE_SCHEMA)
    assert results["tests"] and results["score"] == sum(t["max_score"] for t in results["tests"])
    assert {t["visibility"] for t in results["tests"]} == {"visible", "after_published"}


def test_gradescope_reports_an_empty_submission_without_crashing(tmp_path):
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    done = subprocess.run([sys.executable, "-m", "grader", "gradescope", "--root", str(root), "--phase", PHASE],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    results = json.loads((root / "results" / "results.json").read_text())
    jsonschema_validate = pytest.importorskip("jsonschema").validate
    jsonschema_validate(results, GRADESCOPE_SCHEMA)
    assert results["score"] == 0 and "could not be graded" in results["output"]


def test_dask_cluster_gives_the_same_gradebook(klass, graded, tmp_path):
    distributed = pytest.importorskip("distributed")
    few = tmp_path / "few"  # three kinds of student are enough to compare, and a Dask job is a full grader run
    for name in ("alice", "bob", "erin"):
        shutil.copytree(klass / "submissions" / name, few / name, symlinks=True)
    options = ClassroomOptions(submissions=few, phase=PHASE, out=tmp_path / "dask", limits=LIMITS, show_progress=False,
                               dask=None, deadline=datetime(2026, 11, 18, tzinfo=timezone.utc), penalty_per_day=10)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        options.dask = cluster.scheduler_address
        Classroom(options).run()
    _, out, _ = graded
    theirs = _gradebook(out)
    ours = _gradebook(tmp_path / "dask")
    assert sorted(ours) == ["alice", "bob", "erin"]
    assert all(ours[s] == theirs[s] for s in ours), (ours, {s: theirs[s] for s in ours})


GRADESCOPE_SCHEMA = {
    "type": "object",
    "required": ["score", "execution_time", "output", "tests"],
    "properties": {
        "score": {"type": "number"},
        "execution_time": {"type": "integer", "minimum": 0},
        "output": {"type": "string"},
        "visibility": {"enum": ["hidden", "after_due_date", "after_published", "visible"]},
        "stdout_visibility": {"enum": ["hidden", "after_due_date", "after_published", "visible"]},
        "tests": {"type": "array", "items": {
            "type": "object",
            "required": ["name", "score", "max_score", "status", "output", "visibility"],
            "properties": {
                "name": {"type": "string"}, "score": {"type": "number"}, "max_score": {"type": "number"},
                "status": {"enum": ["passed", "failed"]}, "output": {"type": "string"},
                "visibility": {"enum": ["hidden", "after_due_date", "after_published", "visible"]},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
        }},
    },
}

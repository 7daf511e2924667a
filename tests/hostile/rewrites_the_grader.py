"""Rewrites the grader for everyone: overwrites grader/checks/linear_algebra.py with checks that
always pass, appends to grader/checks/probability.py, plants conftest.py files (repository root,
grader/checks/, exercises/linear_algebra/, tests/), rewrites grader/plugin.py, deletes and renames
check files, makes the hidden checks and their folder writable by everyone, edits its own submitted
file, drops a .pth file into the virtual environment and writes
into a world-writable folder. Implements nothing: must score 0, and every file must stay as it was.
"""
import os
import sys
from pathlib import Path

HOSTILE = globals().get("HOSTILE", {"repo": "/nonexistent", "token": "t", "witness": "/nonexistent",
                                    "submissions": "/nonexistent", "me": "me"})
TOKEN = HOSTILE["token"]
REPO = Path(HOSTILE["repo"])
ALWAYS_PASS = f'''# {TOKEN}: rewritten by a submission
from grader.check import check


@check("lu_solve", points=1000)
def test_everything_passes():
    pass
'''
CONFTEST = f'''# {TOKEN}: planted by a submission
import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    report.outcome = "passed"
    return report
'''


def _attempts():
    checks = REPO / "grader" / "checks"
    me = Path(HOSTILE["submissions"]) / HOSTILE["me"] / "linear_algebra" / "linear_algebra.py"
    writes = [
        (checks / "linear_algebra.py", ALWAYS_PASS, "w"),
        (checks / "probability.py", "\n" + ALWAYS_PASS, "a"),
        (checks / "conftest.py", CONFTEST, "w"),
        (REPO / "conftest.py", CONFTEST, "w"),
        (REPO / "exercises" / "linear_algebra" / "conftest.py", CONFTEST, "w"),
        (REPO / "exercises" / "linear_algebra" / "test_linear_algebra.py", ALWAYS_PASS, "w"),
        (REPO / "tests" / "conftest.py", CONFTEST, "w"),
        (REPO / "grader" / "plugin.py", f"\n# {TOKEN}\n", "a"),
        (REPO / "solutions" / "linear_algebra" / "linear_algebra.py", f"\n# {TOKEN}\n", "a"),
        (me, f"\n# {TOKEN}: the submission edited itself\n", "a"),
        (Path(HOSTILE["witness"]) / f"{TOKEN}-written-by-a-submission", TOKEN, "w"),
    ]
    for entry in sys.path:
        if entry.endswith("site-packages"):
            writes.append((Path(entry) / f"zz_{TOKEN}.pth", f"# {TOKEN}\n", "w"))
    done = []
    for path, text, mode in writes:
        try:
            with open(path, mode) as handle:
                handle.write(text)
            done.append(f"wrote {path.name}")
        except OSError:
            pass
    for victim in (checks / "linear_algebra.py", REPO / "exercises" / "probability" / "katas.toml"):
        try:
            os.rename(victim, str(victim) + f".{TOKEN}")
            done.append(f"renamed {victim.name}")
        except OSError:
            pass
        try:
            os.unlink(victim)
            done.append(f"deleted {victim.name}")
        except OSError:
            pass
    for path, mode in ((checks / "linear_algebra.py", 0o666), (checks, 0o777)):  # rewritable by anyone later
        try:
            os.chmod(path, mode)
            done.append(f"chmod {path.name} {mode:o}")
        except OSError:
            pass
    try:
        os.mkdir(REPO / f"{TOKEN}-folder")
        done.append("made a folder")
    except OSError:
        pass
    return done


_attempts()


def _kata(*args, **kwargs):
    raise RuntimeError(f"rewrote: {', '.join(_attempts()) or 'nothing'}")


lu_solve = gram_schmidt_qr = power_iteration = low_rank_approx = numerical_jacobian = _kata
grad_least_squares = grad_quadratic_form = softmax_jacobian = _kata

"""Broken and hostile submissions cost only what they break; the grader never writes into them."""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
import tempfile

import pytest

from grader.catalogue import SOLUTIONS, topic
from grader.worker import Job, Limits, preload, run_jobs

LA = topic("linear_algebra")
KATA = "gram_schmidt_qr"  # the broken function; every other kata keeps the reference code

# name -> (module text or None for "no file", where the code goes, expected status of KATA's checks)
WHOLE_MODULE = {
    "loops_at_import": ("while True:\n    pass\n", "timeout"),
    "exits_at_import": ("import sys\nsys.exit(3)\n", "error"),
    "syntax_error": ("def gram_schmidt_qr(A)\n    return A\n", "error"),
    "raises_at_import": ("import numpy as np\nraise RuntimeError('boom')\n", "error"),
    "missing_module": (None, "not_attempted"),
}
ONE_FUNCTION = {
    "loops_forever": ("def gram_schmidt_qr(A):\n    while True:\n        pass\n", "timeout"),
    "os_exit": ("import os\ndef gram_schmidt_qr(A):\n    os._exit(4)\n", "error"),
    "segfault": ("import faulthandler\ndef gram_schmidt_qr(A):\n    faulthandler._sigsegv()\n", "error"),
    "allocates_50_gb": ("import numpy as np\ndef gram_schmidt_qr(A):\n    big = np.ones((50_000, 125_000))\n    return big, big\n", "error"),
    "sys_exit": ("import sys\ndef gram_schmidt_qr(A):\n    sys.exit(0)\n", "error"),
    "missing_function": ("del gram_schmidt_qr\n", "error"),
    "wrong_signature": ("def gram_schmidt_qr(A, mode):\n    return A, A\n", "error"),
    "returns_none": ("def gram_schmidt_qr(A):\n    pass\n", "error|failed"),
    "uses_banned_shortcut": ("import numpy as np\nfrom numpy.linalg import qr as _qr\ndef gram_schmidt_qr(A):\n    return _qr(A)\n", "failed"),
    # a library's NotImplementedError (torch: "a meta tensor has no data") is an error, not the stub's
    "library_not_implemented": ("import codecs\ndef gram_schmidt_qr(A):\n    return codecs.Codec().encode(A)\n", "error"),
}
MESSAGES = {
    "loops_at_import": "did not finish in time", "exits_at_import": "sys.exit", "syntax_error": "syntax error at line 1",
    "raises_at_import": "RuntimeError", "missing_module": "not attempted", "loops_forever": "took longer than",
    "os_exit": "exit code 4", "segfault": "segmentation fault", "allocates_50_gb": "out of memory",
    "sys_exit": "sys.exit", "missing_function": "defines no `gram_schmidt_qr`", "wrong_signature": "signature",
    "uses_banned_shortcut": "`numpy.linalg.qr` is not allowed", "returns_none": "while checking your result",
    "library_not_implemented": "NotImplementedError",
}
CASES = sorted({**WHOLE_MODULE, **ONE_FUNCTION})
HANG_IN_EVERY_CHECK = {"loops_forever"}


def _tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*"))}


@lru_cache(maxsize=None)
def graded() -> dict[str, tuple]:
    scratch = Path(tempfile.mkdtemp(prefix="kata-broken-"))
    reference = LA.module_in(SOLUTIONS).read_text(encoding="utf-8")
    jobs, digests = [], {}
    for name in CASES:
        root = scratch / name
        folder = root / LA.id
        folder.mkdir(parents=True)
        if name in WHOLE_MODULE:
            text = WHOLE_MODULE[name][0]
            if text is not None:
                (folder / f"{LA.id}.py").write_text(text, encoding="utf-8")
        else:
            (folder / f"{LA.id}.py").write_text(reference + "\n\n" + ONE_FUNCTION[name][0], encoding="utf-8")
        digests[name] = _tree_digest(root)
        # a shorter limit where each check waits it out: graded beside the others, in the same run
        jobs.append(Job(LA, root, key=name, check_timeout=1.5 if name in HANG_IN_EVERY_CHECK else None))
    preload([LA])
    limits = Limits(check_timeout=3, topic_deadline=120, memory_mb=1024)
    jobs.sort(key=lambda j: j.key not in HANG_IN_EVERY_CHECK)  # the long one first
    results = run_jobs(jobs, limits)
    return {job.key: (result, digests[job.key], _tree_digest(job.target)) for job, result in zip(jobs, results)}


@pytest.mark.parametrize("case", CASES)
def test_broken_submission_costs_only_what_it_breaks(case):
    result, _, _ = graded()[case]
    expected = {**WHOLE_MODULE, **ONE_FUNCTION}[case][1]
    assert result.status == "graded", result.message
    broken = [c for c in result.checks if c.exercise == KATA]
    assert broken and all(c.score == 0 for c in broken)
    assert {c.status for c in broken} <= set(expected.split("|")), [(c.name, c.status, c.message) for c in broken]
    if case in MESSAGES:
        assert any(MESSAGES[case] in c.message for c in broken), [c.message for c in broken]
    others = [c for c in result.checks if c.exercise != KATA]
    if case in ONE_FUNCTION:
        assert all(c.status == "passed" for c in others), [(c.name, c.status, c.message) for c in others if c.status != "passed"]
    else:
        assert all(c.status == expected for c in others)


@pytest.mark.parametrize("case", CASES)
def test_grader_never_writes_into_the_target(case):
    _, before, after = graded()[case]
    assert before == after


def test_learner_traceback_shows_only_learner_frames():
    result, _, _ = graded()["uses_banned_shortcut"]
    frames = [line for c in result.checks if c.exercise == KATA for line in c.traceback]
    assert frames and all(line.startswith("linear_algebra.py:") for line in frames)

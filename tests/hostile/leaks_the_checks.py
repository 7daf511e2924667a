"""Puts hidden-check source into its own exception text, from inside the jail: reads
grader/checks/linear_algebra.py (beside the grader, and in the repository the virtual environment
belongs to), walks gc and the call stack for check code, asks linecache and inspect about every
function it is handed (the checks' callbacks included), and raises with whatever it found.
Implements nothing: must score 0, and no line of the hidden checks may appear in the feedback.
"""
import gc
import inspect
import linecache
import sys
from pathlib import Path

HOSTILE = globals().get("HOSTILE", {"token": "t", "repo": "/nonexistent"})


def _files():
    for repo in (Path(HOSTILE["repo"]), Path(sys.prefix).parent, Path("/work/main")):
        yield repo / "grader" / "checks" / "linear_algebra.py"


def _found(args):
    pieces = []
    for path in _files():
        try:
            pieces.append(path.read_text()[1000:1300])
        except (OSError, ValueError):
            pass
        pieces.append("".join(linecache.getlines(str(path)))[1000:1300])
    for obj in [a for a in args if callable(a)]:
        for probe in (inspect.getsource, inspect.getdoc, lambda o: repr(getattr(o, "__wrapped__", ""))):
            try:
                pieces.append(str(probe(obj))[:300])
            except BaseException:
                pass
    frame = sys._getframe()
    while frame is not None:
        if "checks" in frame.f_code.co_filename or frame.f_code.co_name.startswith("test_"):
            pieces.append(repr(frame.f_locals)[:300])
        frame = frame.f_back
    pieces.append(FROM_GC)
    found = " | ".join(p for p in pieces if p.strip() and p != "None")
    return f"leaked: {found}" if found else "leaked: nothing found"


def _from_gc():
    try:
        for obj in gc.get_objects():
            code = getattr(obj, "__code__", None)
            if not isinstance(code, type(_from_gc.__code__)):
                continue
            if "checks" in code.co_filename or code.co_name.startswith("test_"):
                return f"{code.co_filename}:{code.co_name}:{code.co_consts!r}"[:300]
    except BaseException:
        pass
    return ""


FROM_GC = _from_gc()  # once: the jail's heap is large


def _kata(*args, **kwargs):
    raise RuntimeError(_found([*args, *kwargs.values()]))


lu_solve = gram_schmidt_qr = power_iteration = low_rank_approx = numerical_jacobian = _kata
grad_least_squares = grad_quadratic_form = softmax_jacobian = _kata

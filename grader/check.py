"""What a check author uses.

A check is a pytest test that calls the learner's code through :func:`learner`, compares with an
independent reference or a property, and carries its points through :func:`check`::

    import numpy as np
    from grader.check import check, learner, assert_close

    la = learner("linear_algebra")

    @check("gram_schmidt_qr", points=2)
    def test_q_has_orthonormal_columns():
        A = np.random.default_rng(0).normal(size=(12, 5))
        Q, R = la.gram_schmidt_qr(A)
        assert_close(Q.T @ Q, np.eye(5), name="Q.T @ Q")

Hidden checks run with plain asserts (no rewriting), so a bare ``assert`` tells the learner
nothing: use the helpers here or write ``assert cond, "message"``. Messages teach without
printing the hidden expected values.
"""
from __future__ import annotations

import sys
from typing import Any

import pytest

from grader import bridge, contracts, loader
from grader.bridge import is_instance  # noqa: F401  (for check authors: isinstance across the bridge)
from grader.loader import LearnerError


class MissingName(LearnerError):
    """The learner's module lacks a name the checks need."""


class _Learner(bridge._LearnerModule):
    """Lazy handle on a learner's module: nothing is imported until a check uses it.

    When the grader runs checks in a judge process, the module lives in a jail and each
    attribute is a handle across the bridge (:mod:`grader.bridge`); under plain pytest
    (``make check``, notebooks) it is imported in this process.
    """

    def __init__(self, topic_id: str):
        self._topic_id = topic_id

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # pytest and friends probe objects for private attributes
            raise AttributeError(name)
        if bridge.settings is not None and loader.loaded(self._topic_id) is None:
            return self._jailed(name)
        module = loader.load(self._topic_id)
        try:
            return self._watched(name, getattr(module, name))
        except AttributeError:
            raise MissingName(
                f"{self._topic_id}.py defines no `{name}`: keep the names and signatures of the stub"
            ) from None

    def _watched(self, name: str, value: Any) -> Any:
        """A kata's function with its contract watched on every call (grader.contracts)."""
        contract = contracts.contract_of(self._topic_id, name) if callable(value) else None
        return contracts.watched(contract, value) if contract is not None else value

    def _jailed(self, name: str) -> Any:
        session = bridge.session(self._topic_id, loader.module_path(self._topic_id))
        if name in session.attributes:
            return self._watched(name, session.attributes[name])
        try:
            value = session.request("getattr", None, name)
        except AttributeError:
            raise MissingName(
                f"{self._topic_id}.py defines no `{name}`: keep the names and signatures of the stub"
            ) from None
        if isinstance(value, bridge.Remote) and "c" in value._kata_flags:
            session.attributes[name] = value  # functions and classes: one round trip less per call
        return self._watched(name, value)

    def __repr__(self) -> str:
        return f"<learner module {self._topic_id}>"


def learner(topic_id: str) -> Any:
    """The learner's module for a topic, from whichever tree the grader is grading."""
    return _Learner(topic_id)


def check(exercise: str, points: float = 1, timeout: float | None = None, pins: tuple[str, ...] | list[str] = ()):
    """Mark a test as a check of ``exercise`` worth ``points`` (per parametrised case).

    ``pins`` names the conventions of the brief this check tests: ids declared next to the kata
    in ``katas.toml`` (``pins = [{ id = "...", quote = "..." }]``); ``make test`` fails on a pinned
    convention that no hidden check names.
    """
    marks = [pytest.mark.kata(exercise=exercise, points=points, pins=tuple(pins))]
    if timeout is not None:
        marks.append(pytest.mark.timeout(timeout))

    def decorate(fn):
        for mark in marks:
            fn = mark(fn)
        return fn

    return decorate


# --- assertion helpers: clear messages, no hidden values --------------------------------------

def _as_array(value: Any, name: str):
    import numpy as np

    torch = sys.modules.get("torch")  # a tensor exists only if torch is already imported
    if torch is not None and isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    if value is None:
        raise AssertionError(f"{name} is None: did you forget a return statement?")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"{name} should be numeric array-like, got {type(value).__name__}") from None


def as_number(value: Any, name: str = "result") -> float:
    """The learner's single-number answer as a float (a Python/numpy number or a 1-element tensor).

    >>> as_number([2.5], name="loss")
    2.5
    """
    array = _as_array(value, name)
    if array.size != 1:
        raise AssertionError(f"{name} should be a single number, got shape {tuple(array.shape)}")
    return float(array.reshape(()))


def assert_shape(actual: Any, shape: tuple[int, ...], name: str = "result", hint: str = "") -> None:
    """Fail with 'name has shape (a, b) but expected (c, d)' and an optional hint."""
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(actual, torch.Tensor):  # its shape alone (a meta tensor has no values)
        got = tuple(actual.shape)
    else:
        got = tuple(_as_array(actual, name).shape)
    if got != tuple(shape):
        extra = f": {hint}" if hint else ""
        raise AssertionError(f"{name} has shape {got} but expected {tuple(shape)}{extra}")


def assert_close(actual: Any, expected: Any, *, rtol: float = 1e-7, atol: float = 1e-9,
                 name: str = "result", hint: str = "") -> None:
    """Compare arrays (numpy, torch or nested lists); the message names the largest error only.

    Shapes must match exactly; NaN in the learner's answer is reported as such.
    """
    import numpy as np

    got = _as_array(actual, name)
    want = _as_array(expected, "reference")
    if got.shape != want.shape:
        extra = f": {hint}" if hint else ""
        raise AssertionError(f"{name} has shape {got.shape} but expected {want.shape}{extra}")
    if np.isnan(got).any() and not np.isnan(want).any():
        raise AssertionError(f"{name} contains NaN: look for a division by zero or an overflow"
                             + (f"; {hint}" if hint else ""))
    if np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=True):
        return
    with np.errstate(invalid="ignore"):
        err = np.abs(got - want)
    err = np.where(np.isnan(err), np.inf, err)
    index = np.unravel_index(int(np.argmax(err)), err.shape) if err.ndim else ()
    where = f" at index {tuple(int(i) for i in index)}" if err.ndim else ""
    extra = f": {hint}" if hint else ""
    raise AssertionError(f"{name} differs from the reference (largest error {float(np.max(err)):.3g}{where}){extra}")


def expect_raises(error: type[BaseException] | tuple, call, message: str) -> None:
    """``call()`` must raise ``error``: returning fails with ``message``.

    Any other exception propagates as pytest.raises lets it, so it keeps its own status and
    message (not attempted, an import error, out of memory, a wrong signature, the learner's line),
    with ``message`` attached as a note that the report puts in front.

    >>> expect_raises(ValueError, lambda: int("x"), "int('x') should raise ValueError")
    """
    try:
        call()
    except (NotImplementedError, LearnerError):
        raise
    except error:
        return
    except Exception as other:
        other.add_note(f"{message} (it raised {type(other).__name__} instead)")
        raise
    raise AssertionError(f"{message} (nothing was raised)")


def expect(condition: Any, message: str) -> None:
    """``assert condition, message`` that survives ``python -O`` and plain-assert mode."""
    if not condition:
        raise AssertionError(message)


def describe(value: Any) -> str:
    """A value's type in words, never its contents: 'an ndarray of int64', 'a list', 'a numpy.float32'.

    >>> describe([1.0])
    'a list'
    """
    return contracts.describe(value)


def expect_type(value: Any, spec: str, name: str = "result", hint: str = "") -> None:
    """``value`` has the pinned type (the contracts' grammar: ``"ndarray[float64]"``, ``"tuple[float, float]"``),
    checked before any value is compared, with a message that names what came back.

    >>> expect_type((1.0, 2.0), "tuple[float, float]", name="welch_t_test(a, b)")
    """
    found = contracts.problem(spec, value, where=f"{name} is")
    if found:
        raise AssertionError(found + (f": {hint}" if hint else ""))


def expect_number_close(got: float, want: float, *, rtol: float = 1e-7, atol: float = 1e-9,
                        name: str = "result", hint: str = "") -> None:
    """One number against the reference; the message says what is wrong, never either value (on a
    scalar, "largest error 0.0199" would give the answer away up to its sign).

    >>> expect_number_close(0.1 + 0.2, 0.3, name="the sum")
    """
    import math

    extra = f": {hint}" if hint else ""
    got, want = float(got), float(want)
    expect(not math.isnan(got) or math.isnan(want), f"{name} is NaN: look for a division by zero or an overflow{extra}")
    if math.isinf(want) or math.isinf(got):
        expect(got == want, f"{name} is {'infinite' if math.isinf(got) else 'finite'} where it should not be{extra}")
        return
    expect(math.isnan(want) or abs(got - want) <= atol + rtol * abs(want), f"{name} is not the expected value{extra}")


def assert_same_partition(actual: Any, expected: Any, *, name: str = "labels", noise: bool = False) -> None:
    """Fail unless ``actual`` groups the points as ``expected`` does, up to renaming the groups.

    Cluster ids are arbitrary, so ``[1, 1, 0]`` matches ``[0, 0, 1]``; with ``noise=True`` the label
    -1 (noise, as DBSCAN marks it) is not renamed and must be on exactly the same points.
    Messages give counts from the learner's labels only, never the expected labels.

    >>> assert_same_partition([1, 1, 0], [0, 0, 1])
    """
    import numpy as np

    got, want = np.asarray(actual), np.asarray(expected)
    assert_shape(got, want.shape, name=name, hint="one label per row of X")
    expect(np.issubdtype(got.dtype, np.integer), f"{name} should be integers, got dtype {got.dtype}")
    if noise:
        expect(np.array_equal(got == -1, want == -1),
               f"{name}: the points marked noise (-1) are not the right ones ({int((got == -1).sum())} marked)")
    pairs = set(zip(got.tolist(), want.tolist()))        # one (got, want) pair per group if they agree
    expect(len(pairs) == len({g for g, _ in pairs}) == len({w for _, w in pairs}),
           f"{name} do not group the points as the reference does ({len(set(got.tolist()))} groups found, "
           "or some points are grouped differently; the label names themselves do not matter)")


class FakeClock:
    """An injected clock that the check moves by hand: ``clock()`` returns ``clock.t`` seconds.

    >>> clock = FakeClock(); clock.t += 0.5; clock()
    0.5
    """

    def __init__(self, t: float = 0.0):
        self.t = t

    def __call__(self) -> float:
        return self.t

"""The contract machinery (grader.contracts): the type grammar, the signature reader, and the
watch on each call (arguments left alone, results that are new, the pinned type)."""
from __future__ import annotations

import uuid

import numpy as np
import pytest

from grader import contracts
from grader.contracts import Contract, parse, problem, signature_in, signature_problem


@pytest.mark.parametrize("spec, value", [
    ("float", 1.5), ("float", np.float64(2)), ("int", 3), ("int", np.int32(3)), ("bool", True),
    ("ndarray[float64]", np.zeros(2)), ("ndarray[int]", np.arange(3, dtype=np.int8)), ("ndarray", np.zeros(1, bool)),
    ("tuple[ndarray[float64], float]", (np.zeros(2), 0.5)), ("tuple[int, ...]", (1, 2, 3)),
    ("list[tuple[int, int]]", [(1, 2), (3, 4)]), ("dict[str, float]", {"a": 1.0}), ("frozenset[int]", frozenset({1})),
    ("float | None", None), ("object", object()), ("any", None), ("set[str]", {"x"}),
])
def test_values_that_fit(spec, value):
    assert problem(spec, value) is None


@pytest.mark.parametrize("spec, value, words", [
    ("float", 1, "returns an int; the brief asks for float"),
    ("float", np.float32(1), "returns a numpy.float32"),
    ("int", True, "returns a bool"),
    ("bool", np.bool_(True), "returns a numpy.bool; the brief asks for bool"),
    ("ndarray[float64]", [1.0], "returns a list"),
    ("ndarray[float64]", np.zeros(2, np.float32), "returns an ndarray of float32"),
    ("ndarray[int]", np.zeros(2), "an ndarray of float64; the brief asks for ndarray[int]"),
    ("tuple[ndarray[float64], float]", [np.zeros(2), 1.0], "returns a list"),
    ("tuple[ndarray[float64], float]", (np.zeros(2), 1), "element 1 of the result is an int"),
    ("tuple[float, float]", (1.0,), "returns a tuple of 1"),
    ("list[tuple[int, int]]", [(1, 2), [3, 4]], "element 1 of the result is a list"),
    ("dict[str, float]", {"a": 1}, "the value at 'a' of the result is an int"),
    ("frozenset[int]", {1}, "returns a set"),
    ("list[int]", iter([1]), "returns a list_iterator"),
    ("object", None, "returns None"),
])
def test_values_that_do_not_fit_say_why(spec, value, words):
    assert words in (problem(spec, value) or "")


@pytest.mark.parametrize("text", ["ndarray[", "flaot", "tuple[int,]", "int int", "list[int] |"])
def test_a_type_that_cannot_be_read_is_refused(text):
    with pytest.raises(ValueError):
        parse(text)


def test_signatures_are_read_from_source_and_compared():
    stub = signature_in("def f(A, b, *, tol=1e-8, rng=None):\n    raise NotImplementedError\n", "f")
    assert signature_problem(stub, signature_in("def f(A, b, *, tol=1e-08, rng=None): pass", "f")) is None
    assert "keep the stub's (A, b, *, tol=1e-8, rng=None)" in signature_problem(
        stub, signature_in("def f(A, b, tol=1e-8, rng=None): pass", "f"))
    assert "the default of tol is 1e-6" in signature_problem(
        stub, signature_in("def f(A, b, *, tol=1e-6, rng=None): pass", "f"))
    assert signature_in("x = 1", "f") is None and signature_in("def f(:", "f") is None
    # a default written as a module constant is its value: IGNORE_INDEX = -100 ... ignore_index=IGNORE_INDEX
    literal = signature_in("def loss(x, ignore_index=-100): pass", "loss")
    assert signature_problem(literal, signature_in("IGNORE = -100\ndef loss(x, ignore_index=IGNORE): pass", "loss")) is None
    assert "the default of ignore_index is -1" in signature_problem(
        literal, signature_in("IGNORE = -1\ndef loss(x, ignore_index=IGNORE): pass", "loss"))


def _contract(returns="ndarray[float64]", modifies=(), may_alias=False, source="def f(A, k=2): ..."):
    return Contract("t", uuid.uuid4().hex, "f", parse(returns), frozenset(modifies), may_alias,
                    signature_in(source, "f"))


def _broken(contract, fn, *args, **kwargs):
    contracts.watched(contract, fn)(*args, **kwargs)
    return contracts.record_of(contract.topic_id, contract.kata)


def test_a_call_that_keeps_its_promises_is_clean():
    contract = _contract()
    record = _broken(contract, lambda A, k=2: A * k, np.ones(3))
    assert record.calls == 1 and record.broken == [] and record.nondefault == set()
    _broken(contract, lambda A, k=2: A * k, np.ones(3), k=3)
    assert record.nondefault == {"f.k"}


def test_an_argument_changed_in_place_is_named():
    def doubles_in_place(A, k=2):
        A *= k
        return A.copy()

    record = _broken(_contract(), doubles_in_place, np.ones(3))
    assert record.broken == ["f changes its argument `A` in place; the brief asks to leave it as it was (work on a copy)"]
    assert _broken(_contract(modifies=("A",)), doubles_in_place, np.ones(3)).broken == []


def test_nested_and_list_arguments_are_compared_deeply():
    def pops(A, k=2):
        A[0].pop()
        return np.zeros(1)

    assert "changes its argument `A`" in _broken(_contract(), pops, [[1, 2], [3]]).broken[0]


def test_a_result_that_aliases_an_argument_is_named():
    record = _broken(_contract(), lambda A, k=2: A[1:], np.ones(3))
    assert record.broken and "shares memory with) its argument `A`" in record.broken[0]
    holder = _contract(returns="tuple[ndarray[float64], float]")
    assert "holds" in _broken(holder, lambda A, k=2: (A, 1.0), np.ones(3)).broken[0]
    assert _broken(_contract(may_alias=True), lambda A, k=2: A, np.ones(3)).broken == []


def test_the_wrong_type_is_named_and_an_exception_passes_through():
    record = _broken(_contract(), lambda A, k=2: A.tolist(), np.ones(3))
    assert record.broken == ["f returns a list; the brief asks for ndarray[float64]"]

    def raises(A, k=2):
        raise np.linalg.LinAlgError("singular")

    contract = _contract(returns="float")
    with pytest.raises(np.linalg.LinAlgError):
        contracts.watched(contract, raises)(np.ones(2))
    assert contracts.record_of("t", contract.kata).calls == 0

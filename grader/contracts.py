"""Contracts: what every kata's function promises, checked on every call the checks make.

Declared once per kata in ``katas.toml``, next to its bans::

    [[kata]]
    name = "lu_solve"
    returns = "ndarray[float64]"   # the pinned return type of the function named like the kata
    modifies = []                  # arguments it may change in place (default: none)
    may_alias = false              # true when the result may be, or share memory with, an argument

    [[kata]]
    name = "mle"                   # a kata of several functions: one type per function
    returns = { gaussian_mle = "tuple[float, float]", bernoulli_mle = "float" }

While a kata's checks run, :func:`watched` wraps the learner's function so that each call is seen:

- its signature (names, order, kinds, defaults) is the stub's, read from the two files' source;
- no argument changes, compared deeply (arrays by dtype, shape and value), unless named in ``modifies``;
- the result is new: not an argument, and sharing no memory with one, unless ``may_alias``;
- the result has the pinned type: ``float`` (a Python float or numpy.float64), ``int`` (a Python or
  numpy integer, never a bool), ``bool`` (a Python bool only), ``str``, ``None``, ``ndarray``,
  ``ndarray[float64]``, ``ndarray[int]`` (any integer dtype), ``ndarray[bool]``, ``tensor``,
  ``tensor[float32]``, ``tuple[T1, T2]``, ``tuple[T, ...]``, ``list[T]``, ``dict[K, V]``,
  ``set[T]``, ``frozenset[T]``, ``T1 | T2``, ``object`` (anything but None) and ``any``.

The contract check of each kata (its own points, run after the kata's other checks) passes when
every call kept every promise, fails with the first one broken, in words::

    >>> problem("ndarray[float64]", [1.0, 2.0])
    'returns a list; the brief asks for ndarray[float64]'
    >>> problem("tuple[ndarray[float64], float]", (np.zeros(2), 1)) is None
    False

It also records which parameters the checks ever set to a value other than the default, for
``make test``'s traceability test.
"""
from __future__ import annotations

import ast
import copy
import functools
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

# --- the type grammar ----------------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(\.\.\.|[A-Za-z_][A-Za-z0-9_]*|\[|\]|,|\|)")


@dataclass(frozen=True)
class Spec:
    name: str
    args: tuple["Spec", ...] = ()
    variadic: bool = False  # tuple[T, ...]
    options: tuple["Spec", ...] = ()  # a union when non-empty

    def __str__(self) -> str:
        if self.options:
            return " | ".join(str(o) for o in self.options)
        if not self.args:
            return self.name
        inner = ", ".join(str(a) for a in self.args) + (", ..." if self.variadic else "")
        return f"{self.name}[{inner}]"


_NAMES = {"float", "int", "bool", "str", "None", "ndarray", "tensor", "tuple", "list", "dict", "set",
          "frozenset", "object", "any"}


def parse(text: str) -> Spec:
    """``"tuple[ndarray[float64], float]"`` -> a :class:`Spec`; ValueError names what is wrong."""
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != re.sub(r"\s+", "", text):
        raise ValueError(f"cannot read the type {text!r}")
    position = 0

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take(expected: str | None = None) -> str:
        nonlocal position
        token = peek()
        if token is None or (expected is not None and token != expected):
            raise ValueError(f"in the type {text!r}: expected {expected or 'a name'} at token {position}")
        position += 1
        return token

    def union() -> Spec:
        options = [term()]
        while peek() == "|":
            take("|")
            options.append(term())
        return options[0] if len(options) == 1 else Spec("union", options=tuple(options))

    def term() -> Spec:
        name = take()
        if name in ("ndarray", "tensor") and peek() == "[":
            take("[")
            dtype = take()
            take("]")
            return Spec(name, (Spec(dtype),))
        if name not in _NAMES:
            raise ValueError(f"in the type {text!r}: unknown type {name!r}")
        if peek() != "[":
            return Spec(name)
        take("[")
        args, variadic = [union()], False
        while peek() == ",":
            take(",")
            if peek() == "...":
                take("...")
                variadic = True
                break
            args.append(union())
        take("]")
        return Spec(name, tuple(args), variadic)

    spec = union()
    if peek() is not None:
        raise ValueError(f"in the type {text!r}: unexpected {peek()!r}")
    return spec


def describe(value: Any) -> str:
    """A value's type in words: 'a numpy.bool_', 'an ndarray of int64', 'a tensor of float32'."""
    torch = sys.modules.get("torch")
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an ndarray of {value.dtype}" + (" with shape ()" if value.ndim == 0 else "")
    if torch is not None and isinstance(value, torch.Tensor):
        return f"a tensor of {str(value.dtype).replace('torch.', '')}"
    kind = type(value)
    plain = kind.__module__ in ("builtins", "grader.bridge")  # a learner object's handle is named after its type
    name = kind.__name__ if plain else f"{kind.__module__.split('.')[0]}.{kind.__name__}"
    return f"{'an' if name[:1] in 'aeiou' else 'a'} {name}"


def _dtype_ok(dtype: Any, wanted: str) -> bool:
    if wanted == "int":
        return np.issubdtype(dtype, np.integer)
    if wanted == "float":
        return np.issubdtype(dtype, np.floating)
    return np.dtype(dtype) == np.dtype(wanted)


def problem(spec: Spec | str, value: Any, where: str = "") -> str | None:
    """None when ``value`` fits ``spec``; else what is wrong, in one line."""
    spec = parse(spec) if isinstance(spec, str) else spec
    torch = sys.modules.get("torch")
    if spec.options:
        if any(problem(o, value, where) is None for o in spec.options):
            return None
        return f"{where or 'returns'} {describe(value)}; the brief asks for {spec}"
    name, bad = spec.name, f"{where or 'returns'} {describe(value)}; the brief asks for {spec}"
    if name == "any":
        return None
    if name == "object":
        return bad if value is None else None
    if name == "None":
        return None if value is None else bad
    if name == "bool":
        return None if type(value) is bool else bad
    if name == "int":
        return None if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) else bad
    if name == "float":
        return None if isinstance(value, float) else bad
    if name == "str":
        return None if isinstance(value, str) else bad
    if name == "ndarray":
        if not isinstance(value, np.ndarray) or (spec.args and not _dtype_ok(value.dtype, spec.args[0].name)):
            return bad
        return None
    if name == "tensor":
        if torch is None or not isinstance(value, torch.Tensor):
            return bad
        if spec.args and str(value.dtype).replace("torch.", "") != spec.args[0].name:
            return bad
        return None
    containers = {"tuple": tuple, "list": list, "dict": dict, "set": set, "frozenset": frozenset}
    if not isinstance(value, containers[name]) or (name in ("set", "dict") and isinstance(value, frozenset)):
        return bad
    label = where[:-3] if where.endswith(" is") else "the result"  # "element 0 of <label> is ..."
    if name == "tuple" and spec.args and not spec.variadic:
        if len(value) != len(spec.args):
            return f"{where or 'returns'} a tuple of {len(value)}; the brief asks for {spec}"
        for i, (item, inner) in enumerate(zip(value, spec.args)):
            found = problem(inner, item, f"element {i} of {label} is")
            if found:
                return found
        return None
    if name == "dict" and spec.args:
        for key, item in list(value.items())[:1000]:
            found = problem(spec.args[0], key, f"a key of {label} is") or \
                problem(spec.args[-1], item, f"the value at {key!r} of {label} is")
            if found:
                return found
        return None
    if spec.args:
        for i, item in enumerate(list(value)[:1000]):
            found = problem(spec.args[0], item, f"element {i} of {label} is" if name in ("tuple", "list")
                            else f"an element of {label} is")
            if found:
                return found
    return None


# --- the stub's signature, read from source --------------------------------------------------------

@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # "positional", "keyword", "*args", "**kwargs"
    default: str | None  # the default's source, None when it has none

    def value(self) -> Any:
        try:
            return ast.literal_eval(self.default) if self.default is not None else None
        except (ValueError, SyntaxError):
            return None


def signature_in(source: str, name: str) -> tuple[Parameter, ...] | None:
    """The parameters of the top-level ``def name`` in ``source``, of a class's ``__init__`` for a
    class name, or of a method for ``"Class.method"`` (without ``self``); None if there is none."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    owner, _, method = name.rpartition(".")
    body = tree.body
    if owner:
        classes = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == owner]
        if not classes:
            return None
        body, name = classes[-1].body, method
    found = [n for n in body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name]
    if not found and not owner:
        classes = [n for n in body if isinstance(n, ast.ClassDef) and n.name == name]
        if classes:
            found = [n for n in classes[-1].body if isinstance(n, ast.FunctionDef) and n.name == "__init__"]
            owner = name
            if not found:
                return ()
    if not found:
        return None
    arguments = found[-1].args
    if owner:  # a method: self is not the caller's to pass
        arguments = copy.copy(arguments)
        if arguments.posonlyargs:
            arguments.posonlyargs = arguments.posonlyargs[1:]
        else:
            arguments.args = arguments.args[1:]

    constants = {}  # NAME = <literal> at the top of the module: a default may be written either way
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                ast.literal_eval(node.value)
            except (ValueError, SyntaxError, TypeError):
                continue
            constants[node.targets[0].id] = node.value

    def text(node) -> str | None:
        if isinstance(node, ast.Name) and node.id in constants:
            node = constants[node.id]
        return None if node is None else (ast.get_source_segment(source, node) or ast.unparse(node))

    positional = arguments.posonlyargs + arguments.args
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    out = [Parameter(a.arg, "positional", text(d)) for a, d in zip(positional, defaults)]
    if arguments.vararg:
        out.append(Parameter(arguments.vararg.arg, "*args", None))
    for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults):
        out.append(Parameter(a.arg, "keyword", text(d)))
    if arguments.kwarg:
        out.append(Parameter(arguments.kwarg.arg, "**kwargs", None))
    return tuple(out)


def _render(parameters: tuple[Parameter, ...]) -> str:
    parts = []
    for i, p in enumerate(parameters):
        if p.kind == "keyword" and not any(q.kind in ("keyword", "*args") for q in parameters[:i]):
            parts.append("*")
        prefix = {"*args": "*", "**kwargs": "**"}.get(p.kind, "")
        parts.append(f"{prefix}{p.name}" + (f"={p.default}" if p.default is not None else ""))
    return "(" + ", ".join(parts) + ")"


def signature_problem(stub: tuple[Parameter, ...], theirs: tuple[Parameter, ...]) -> str | None:
    """None when the learner kept the stub's signature; else the difference in words."""
    if [(p.name, p.kind) for p in stub] != [(p.name, p.kind) for p in theirs]:
        return f"the signature is {_render(theirs)}; keep the stub's {_render(stub)}"
    for mine, yours in zip(stub, theirs):
        if (mine.default is None) != (yours.default is None) or (
                mine.default is not None and mine.value() != yours.value() and mine.default != yours.default):
            return f"the default of {yours.name} is {yours.default}; the stub's is {mine.default}"
    return None


# --- one call, watched ---------------------------------------------------------------------------------

def _snapshot(value: Any, depth: int = 0) -> Any:
    torch = sys.modules.get("torch")
    if depth > 6:
        return _OPAQUE
    if isinstance(value, np.ndarray):
        return ("array", value.dtype, value.shape, value.copy())
    if torch is not None and isinstance(value, torch.Tensor):
        return ("tensor", value.dtype, tuple(value.shape), value.detach().clone())
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, len(value), [_snapshot(v, depth + 1) for v in value])
    if isinstance(value, dict):
        return ("dict", list(value.keys()), [_snapshot(v, depth + 1) for v in value.values()])
    if isinstance(value, (set, frozenset)):
        return ("set", set(value))
    if isinstance(value, (int, float, complex, str, bytes, bool, type(None), np.generic)):
        return ("plain", value)
    return _OPAQUE


_OPAQUE = ("opaque",)


def _same(snapshot: Any, value: Any, depth: int = 0) -> bool:
    torch = sys.modules.get("torch")
    kind = snapshot[0]
    if kind == "opaque":
        return True
    if kind == "array":
        return (isinstance(value, np.ndarray) and value.dtype == snapshot[1] and value.shape == snapshot[2]
                and np.array_equal(value, snapshot[3], equal_nan=value.dtype.kind in "fc"))
    if kind == "tensor" and snapshot[3].is_meta:  # no values to compare: its type, shape and device
        return (isinstance(value, torch.Tensor) and value.is_meta and value.dtype == snapshot[1]
                and tuple(value.shape) == snapshot[2])
    if kind == "tensor":
        return (isinstance(value, torch.Tensor) and value.dtype == snapshot[1] and tuple(value.shape) == snapshot[2]
                and not value.is_meta and bool(torch.equal(value.detach(), snapshot[3]) or
                         (value.is_floating_point() and torch.equal(value.detach().isnan(), snapshot[3].isnan())
                          and torch.equal(value.detach().nan_to_num(), snapshot[3].nan_to_num()))))
    if kind in ("list", "tuple"):
        return (type(value).__name__ == kind and len(value) == snapshot[1]
                and all(_same(s, v, depth + 1) for s, v in zip(snapshot[2], value)))
    if kind == "dict":
        return (isinstance(value, dict) and list(value.keys()) == snapshot[1]
                and all(_same(s, v, depth + 1) for s, v in zip(snapshot[2], value.values())))
    if kind == "set":
        return set(value) == snapshot[1]
    try:
        return bool(value == snapshot[1]) or (value != value and snapshot[1] != snapshot[1])
    except Exception:
        return True


def _containers(value: Any, depth: int = 0) -> list[Any]:
    """The mutable things inside a value (itself first): arrays, tensors, lists, dicts, sets."""
    torch = sys.modules.get("torch")
    out = []
    if isinstance(value, (np.ndarray, list, dict, set)) or (torch is not None and isinstance(value, torch.Tensor)):
        out.append(value)
    if depth < 3 and isinstance(value, (list, tuple)):
        for item in value[:1000]:
            out += _containers(item, depth + 1)
    if depth < 3 and isinstance(value, dict):
        for item in list(value.values())[:1000]:
            out += _containers(item, depth + 1)
    return out


def _shares(a: Any, b: Any) -> bool:
    torch = sys.modules.get("torch")
    if a is b:
        return True
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return bool(np.may_share_memory(a, b)) and bool(np.shares_memory(a, b, max_work=10**6))
    if torch is not None and isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        try:
            return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr() != 0
        except Exception:
            return False
    return False


@dataclass
class Record:
    """What the checks' calls of one kata showed."""

    calls: int = 0
    broken: list[str] = field(default_factory=list)  # the first few broken promises, in words
    nondefault: set[str] = field(default_factory=set)  # parameters set to a value other than the default
    banned: str = ""  # the ban message of a check of this kata that used a banned shortcut
    passed: int = 0  # the kata's other checks that passed
    first_error: BaseException | None = None  # how its first attempted check failed (an exit, a hang)


records: dict[tuple[str, str], Record] = {}  # (topic, kata) -> what its calls showed
checks_seen: list[dict] = []  # every collected check: topic, kata, pins, visibility (for the log)


def record_of(topic_id: str, kata: str) -> Record:
    return records.setdefault((topic_id, kata), Record())


@dataclass(frozen=True)
class Contract:
    topic_id: str
    kata: str
    function: str
    returns: Spec | None
    modifies: frozenset[str]
    may_alias: bool
    parameters: tuple[Parameter, ...] | None  # the stub's
    is_class: bool = False  # a kata's class: making one is not yet an attempt; its methods' calls are


def _bound(parameters: tuple[Parameter, ...] | None, args: tuple, kwargs: dict) -> list[tuple[str, Any]]:
    """(parameter name, value) of each argument of a call, named after the stub's signature."""
    if parameters is None:
        return [(str(i), a) for i, a in enumerate(args)] + list(kwargs.items())
    positional = [p for p in parameters if p.kind == "positional"]
    named = [(positional[i].name if i < len(positional) else f"*{i}", a) for i, a in enumerate(args)]
    return named + list(kwargs.items())


def _is_default(parameter: Parameter, value: Any) -> bool:
    if parameter.default is None:
        return False
    default = parameter.value()
    if default is None and parameter.default != "None":
        return False  # a default we cannot evaluate (np.float64(1e-8)): any explicit value counts
    try:
        return type(value) is type(default) and bool(value == default)
    except Exception:
        return False


def watched(contract: Contract, function: Any) -> Any:
    """``function`` (the learner's, maybe a bridge handle) with every call checked against ``contract``."""
    record = record_of(contract.topic_id, contract.kata)
    by_name = {p.name: p for p in contract.parameters or ()}

    def call(*args, **kwargs):
        bound = _bound(contract.parameters, args, kwargs)
        before = [(name, value, _snapshot(value)) for name, value in bound]
        result = function(*args, **kwargs)  # an exception (not attempted, a pinned raise) passes through
        if isinstance(function, type):  # a kata's class, in process: watch the methods of what it made
            result = methods_watched(contract.topic_id, contract.function, result)
        record.calls += not contract.is_class
        for name, value in bound:
            if name in by_name and by_name[name].default is not None and not _is_default(by_name[name], value):
                record.nondefault.add(f"{contract.function}.{name}")

        def broke(text: str) -> None:
            if len(record.broken) < 3 and text not in record.broken:
                record.broken.append(text)

        for name, value, snapshot in before:
            if name not in contract.modifies and not _same(snapshot, value):
                broke(f"{contract.function} changes its argument `{name}` in place; the brief asks to leave it as it was (work on a copy)")
        if not contract.may_alias:
            inputs = [(name, c) for name, value in bound for c in _containers(value)]
            for item in _containers(result):
                alias = next((name for name, c in inputs if _shares(item, c)), None)
                if alias is not None:
                    what = "is" if item is result else "holds"
                    broke(f"{contract.function} returns a result that {what} (or shares memory with) its argument `{alias}`; "
                          "the brief asks for a new array or object")
                    break
        if contract.returns is not None:
            found = problem(contract.returns, result)
            if found:
                broke(f"{contract.function} {found}")
        return result

    call.__kata_watched__ = function
    # named from the contract, not from ``function``: a bridge handle would ask the jail each time
    call.__name__ = call.__qualname__ = contract.function.rsplit(".", 1)[-1]
    return call


def methods_watched(topic_id: str, class_name: str, instance: Any) -> Any:
    """An in-process instance of a kata's class, its methods with contracts watched on the instance."""
    for function in _method_names(topic_id, class_name):
        contract = contract_of(topic_id, f"{class_name}.{function}")
        bound = getattr(instance, function, None)
        if contract is not None and bound is not None:
            try:
                object.__setattr__(instance, function, watched(contract, bound))
            except (AttributeError, TypeError):
                pass  # __slots__: this method goes unwatched in process (the jail watches it)
    return instance


@functools.lru_cache(maxsize=None)
def _method_names(topic_id: str, class_name: str) -> tuple[str, ...]:
    from grader.catalogue import topic as find_topic
    from grader.katas import katas_of

    names = []
    for spec in katas_of(find_topic(topic_id)):
        names += [f.split(".", 1)[1] for f in declared_returns(spec) if f.startswith(class_name + ".")]
    return tuple(names)


# --- the catalogue's contracts, and the log for make test -----------------------------------------

def declared_returns(spec: Any) -> dict[str, str]:
    """A kata's ``returns``: {function name: type}, the kata's own name for a plain string."""
    if spec.returns is None:
        return {}
    return {spec.name: spec.returns} if isinstance(spec.returns, str) else dict(spec.returns)


@functools.lru_cache(maxsize=None)
def contract_of(topic_id: str, function: str) -> Contract | None:
    """The contract of a kata's function (None when no kata of the topic declares one for it)."""
    from grader.catalogue import EXERCISES, topic as find_topic
    from grader.katas import katas_of

    topic = find_topic(topic_id)
    for spec in katas_of(topic):
        returns = declared_returns(spec).get(function)
        if returns is None:
            continue
        stub = topic.module_in(EXERCISES)
        source = stub.read_text(encoding="utf-8") if stub.is_file() else ""
        parameters = signature_in(source, function) if source else None
        is_class = "." not in function and _defines_class(source, function)
        return Contract(topic_id, spec.name, function, parse(returns), frozenset(spec.modifies), spec.may_alias,
                        parameters, is_class)
    return None


def _defines_class(source: str, name: str) -> bool:
    try:
        return any(isinstance(n, ast.ClassDef) and n.name == name for n in ast.parse(source).body)
    except SyntaxError:
        return False


def contracts_of_kata(topic_id: str, kata: str) -> list[Contract]:
    from grader.catalogue import topic as find_topic
    from grader.katas import kata as find_kata

    spec = find_kata(find_topic(topic_id), kata)
    return [c for f in (declared_returns(spec) if spec else {}) for c in [contract_of(topic_id, f)] if c]


def learner_signature_problem(contract: Contract, module_path: Path | None) -> str | None:
    """The learner's ``def`` of the kata, read from their file (never run), against the stub's."""
    if contract.parameters is None or module_path is None or not module_path.is_file():
        return None
    try:
        source = module_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    theirs = signature_in(source, contract.function)
    if contract.is_class and theirs == () and signature_in(source, f"{contract.function}.__init__") is None:
        return None  # the learner's class inherits its __init__: nothing to read here
    found = signature_problem(contract.parameters, theirs) if theirs is not None else None
    return f"{contract.function}: {found}" if found else None


def write_log() -> None:
    """Where ``KATA_CONTRACT_LOG`` names a file: which parameters each kata's checks set (make test)."""
    path = os.environ.get("KATA_CONTRACT_LOG")
    if not path:
        return
    log = {"katas": {f"{t}:{k}": {"calls": r.calls, "nondefault": sorted(r.nondefault), "broken": r.broken}
                     for (t, k), r in records.items()},
           "checks": checks_seen}
    Path(path).write_text(json.dumps(log, indent=1, sort_keys=True), encoding="utf-8")

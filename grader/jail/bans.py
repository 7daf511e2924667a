"""Bans by identity, inside the jail: a banned function reached by any path is seen.

While the learner's code runs for a kata that bans names, three watchers look for the banned
objects themselves, not for the dotted names they were written as:

- a profile hook: a call of a banned Python function's code (from any module path, an alias,
  a ``functools.partial``, a container, code compiled under any file name), a method of a banned
  class (subclasses included), or a banned builtin called from Python code;
- a torch function mode: a banned torch function however it is reached, C callers included;
- attribute guards: every module attribute in ``sys.modules`` that holds a banned object that
  neither watcher sees (a numpy ufunc) is swapped for a recording wrapper, aliases in the learner's
  module too.

A hit is recorded, never raised, so the learner cannot swallow it; the judge fails the check.
"""
from __future__ import annotations

import functools
import importlib
import sys
import threading
import types
from typing import Any

from grader.jail import sentinel


def resolve(dotted: str) -> Any:
    """``"numpy.linalg.qr"`` -> the function (the longest importable prefix, then attributes)."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            owner = getattr(owner, attr)
        return owner
    raise ValueError(f"cannot resolve banned name {dotted!r}")


#: torch namespaces where one operation is published under one name: a ban of any of them is a ban
#: of all (``torch.softmax``, ``torch.nn.functional.softmax``, ``x.softmax``, ``torch.ops.aten.softmax``)
_TORCH_HOMES = ("torch", "torch.nn.functional", "torch._C._nn", "torch._C._VariableFunctions", "torch.special",
                "torch.Tensor", "torch.ops.aten")
#: names that mean another operation in another home (``Tensor.unfold`` is a sliding window, not im2col)
_NOT_THE_SAME = {"unfold", "fold"}
#: the same work published under other names (the op a Python wrapper dispatches to, an older spelling)
_COUSINS = {
    "sigmoid": ["torch.special.expit"],
    "softmax": ["torch._softmax", "torch.ops.aten._softmax"],
    "log_softmax": ["torch._log_softmax", "torch.ops.aten._log_softmax"],
    "layer_norm": ["torch.native_layer_norm", "torch.ops.aten.native_layer_norm"],
    "rms_norm": ["torch._fused_rms_norm", "torch.ops.aten._fused_rms_norm"],
    "batch_norm": ["torch.native_batch_norm", "torch.ops.aten.native_batch_norm", "torch._native_batch_norm_legit",
                   "torch.ops.aten._native_batch_norm_legit", "torch._batch_norm_impl_index"],
    "cross_entropy": ["torch._C._nn.cross_entropy_loss", "torch.ops.aten.cross_entropy_loss"],
    "nll_loss": ["torch._C._nn.nll_loss_nd", "torch.ops.aten.nll_loss_nd", "torch._C._nn.nll_loss2d"],
    "scaled_dot_product_attention": ["torch._scaled_dot_product_attention_math",
                                     "torch.ops.aten._scaled_dot_product_attention_math",
                                     "torch._scaled_dot_product_flash_attention_for_cpu",
                                     "torch.ops.aten._scaled_dot_product_flash_attention_for_cpu"],
    "conv2d": ["torch.convolution", "torch._convolution", "torch.ops.aten.convolution",
               "torch.ops.aten._convolution"],
    "max_pool2d": ["torch.ops.aten.max_pool2d_with_indices", "torch._C._nn.max_pool2d_with_indices"],
    "unfold": ["torch._C._nn.im2col", "torch.ops.aten.im2col"],
    "fold": ["torch._C._nn.col2im", "torch.ops.aten.col2im"],
    "grad": ["torch.func.grad", "torch.func.grad_and_value", "torch.func.vjp", "torch.func.jacrev",
             "torch.func.jacfwd", "torch.func.hessian", "torch.autograd.functional.vjp",
             "torch.autograd.functional.jacobian", "torch.autograd.functional.hessian"],
}


def same_operation(names: list[str] | tuple[str, ...]) -> list[str]:
    """``names`` and every other public name of the same torch operation that exists here.

    >>> "torch.ops.aten.layer_norm" in same_operation(["torch.nn.functional.layer_norm"])
    True
    """
    return list(_same_operation(tuple(names)))


@functools.lru_cache(maxsize=256)  # a watch is built per check in process: resolve each ban list once
def _same_operation(names: tuple[str, ...]) -> tuple[str, ...]:
    out = list(dict.fromkeys(names))
    for dotted in names:
        home, _, op = dotted.rpartition(".")
        if home == "torch.autograd" and op == "grad":
            out += _COUSINS["grad"]
            continue
        if home not in _TORCH_HOMES:
            continue
        family = [f"{h}.{op}" for h in _TORCH_HOMES] if op not in _NOT_THE_SAME else []
        for name in family + _COUSINS.get(op, []):
            if name not in out and _exists(name):
                out.append(name)
    return tuple(out)


def _exists(dotted: str) -> bool:
    try:
        resolve(dotted)
        return True
    except Exception:
        return False


def _op_builtins(obj: Any) -> list[Any]:
    """The builtins a ``torch.ops.aten`` packet or overload calls (what a profile hook sees)."""
    kind = type(obj).__name__
    if kind == "OpOverload":
        return [obj._op]
    if kind == "OpOverloadPacket":
        found = [obj._op]
        for overload in obj.overloads():
            try:
                found.append(getattr(obj, overload)._op)
            except Exception:
                continue
        return found
    return []


def _codes_of(obj: Any) -> set:
    """Code objects whose execution means ``obj`` (or a method of it) is being used."""
    codes = set()
    seen = set()

    def add(fn, depth=0):
        if id(fn) in seen or depth > 3:
            return
        seen.add(id(fn))
        code = getattr(fn, "__code__", None)
        if isinstance(code, types.CodeType):
            codes.add(code)
        for attr in ("__wrapped__", "_implementation", "__func__", "func"):
            inner = getattr(fn, attr, None)
            if inner is not None and inner is not fn:
                add(inner, depth + 1)

    if isinstance(obj, type):  # its own methods: an instance, a subclass or super() runs one of them
        for value in vars(obj).values():
            add(getattr(value, "__func__", value))
    else:
        add(obj)
    return codes


def _torch_sees(obj: Any) -> bool:
    """True for what the torch function mode is handed (a tensor method, an aten op): no guard needed."""
    return type(obj).__name__ in ("method_descriptor", "OpOverload", "OpOverloadPacket", "getset_descriptor")


class Watch:
    """Record uses of the banned objects while active; ``hits`` lists their dotted names."""

    def __init__(self, names: list[str], learner_module: types.ModuleType | None,
                 learner_files: set[str] = frozenset(), learner_only: bool = False):
        # learner_only: count a hit only with the learner's code on the stack (in one process with
        # the checks, whose own reference calls are not the learner's)
        self.learner_only = learner_only
        self.hits: list[str] = []
        self.where: list[tuple[str, int, str]] = []  # (file, line, function) of the learner's line that led to a hit
        self.learner_files = set(learner_files)
        self.skip: Any = None  # one banned object the jail itself calls first (autograd for the judge), once
        self.notify: Any = None  # called with the name at the first hit of each banned object
        self.code_names: dict[types.CodeType, str] = {}
        self.bound: dict[types.CodeType, tuple[Any, str]] = {}  # code -> (required self, name)
        self.builtin_names: dict[int, str] = {}
        self.keep: list[Any] = []
        self.guards: list[tuple[Any, str, Any, Any]] = []  # (owner, attribute, original, guard)
        for dotted in same_operation(names):
            try:
                obj = resolve(dotted)
            except Exception:
                continue
            self.keep.append(obj)
            for builtin in _op_builtins(obj):
                self.keep.append(builtin)
                self.builtin_names[id(builtin)] = dotted
            if isinstance(obj, types.MethodType) and not isinstance(obj.__self__, type):
                code = getattr(obj.__func__, "__code__", None)
                if code is not None:
                    self.bound[code] = (obj.__self__, dotted)
                continue
            codes = _codes_of(obj)
            for code in codes:
                self.code_names.setdefault(code, dotted)
            if isinstance(obj, (types.BuiltinFunctionType, types.BuiltinMethodType)) or not codes:
                self.builtin_names[id(obj)] = dotted
            if not codes and not isinstance(obj, (types.BuiltinFunctionType, type)) and not _torch_sees(obj):
                self._plan_guards(obj, dotted, learner_module)
        self.torch_mode = self._torch_mode()

    def _plan_guards(self, obj: Any, dotted: str, learner_module) -> None:
        watch = self

        def guard(*args, **kwargs):
            watch.hit(dotted, sys._getframe(1))
            return obj(*args, **kwargs)

        holders = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
        if learner_module is not None:
            holders.append(learner_module)
        for module in holders:
            try:
                items = list(vars(module).items())
            except TypeError:
                continue
            for key, value in items:
                if value is obj:
                    self.guards.append((module, key, obj, guard))

    def _torch_mode(self):
        torch = sys.modules.get("torch")
        if torch is None or not self.builtin_names and not self.code_names:
            return None
        watch = self
        banned = {id(o): n for o in self.keep for n in [watch.builtin_names.get(id(o))] if n}
        if not banned:
            return None
        from torch.overrides import TorchFunctionMode

        class Mode(TorchFunctionMode):
            def __torch_function__(self, func, types_, args=(), kwargs=None):
                name = banned.get(id(func))
                if name is not None:
                    watch.hit(name, sys._getframe(1))
                return func(*args, **(kwargs or {}))

        return Mode()

    # --- the hooks ---------------------------------------------------------------------------

    def _profile(self, frame, event, arg):
        if event == "call":
            code = frame.f_code
            name = self.code_names.get(code)
            if name is None and code in self.bound:
                required, name = self.bound[code]
                if frame.f_locals.get("self") is not required:
                    name = None
            if name is not None and not self._skipped(code):
                self.hit(name, frame.f_back)
        elif event == "c_call":
            name = self.builtin_names.get(id(arg))
            if name is not None and not self._skipped(arg):
                self.hit(name, frame)

    def _skipped(self, what: Any) -> bool:
        """The jail's own first call (``torch.autograd.backward`` for the judge) is not the learner's."""
        skip = self.skip
        if skip is not None and (what is skip or what is getattr(skip, "__code__", None)):
            self.skip = None
            return True
        return False

    def hit(self, name: str, frame) -> None:
        while frame is not None and frame.f_code.co_filename not in self.learner_files:
            frame = frame.f_back
        if frame is None and self.learner_only:
            return
        first = name not in self.hits
        self.hits.append(name)
        if frame is not None and len(self.where) < 4:
            self.where.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
        if first and self.notify is not None:  # told to the judge at once: erasing our record changes nothing
            self.notify(name)

    def __enter__(self) -> "Watch":
        for owner, key, _, guard in self.guards:
            setattr(owner, key, guard)
        if self.torch_mode is not None:
            self.torch_mode.__enter__()
        self._profile_bound = self._profile
        self.resume()
        return self

    def resume(self) -> None:
        """Watch again (after a judge callback, which is not the learner's code)."""
        if sentinel.armed():  # the sentinel owns the profile slot; this watch adds the learner's lines
            sentinel.chain(self._profile_bound)
        else:
            sys.setprofile(self._profile_bound)
            threading.setprofile(self._profile_bound)

    def pause(self) -> None:
        if sentinel.armed():
            sentinel.chain(None)
        else:
            sys.setprofile(None)
            threading.setprofile(None)

    def tampered(self) -> bool:
        """True when the learner's code switched the profile hook off or replaced it during the call."""
        return not sentinel.armed() and sys.getprofile() is not self._profile_bound

    def __exit__(self, *exc) -> None:
        if self.tampered():
            self.hit("sys.setprofile (the ban watch was switched off)", None)
        self.pause()
        if self.torch_mode is not None:
            try:
                self.torch_mode.__exit__(None, None, None)
            except Exception:
                pass
        for owner, key, original, guard in reversed(self.guards):
            if getattr(owner, key, None) is guard:
                setattr(owner, key, original)

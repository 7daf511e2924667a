"""The jail's side of the bridge: import the learner's module and answer the judge's requests.

Requests (judge -> jail) and replies are frames of :mod:`grader.jail.wire`. Objects the
learner's code creates stay here; the judge gets a handle (``{"h": [id, type name, flags]}``) and
asks for attribute reads, calls and operators on it. A callable the judge passes in arrives as
``{"cb": id}`` and is called back over the same socket while a request is in progress.

Nothing here decides a grade: the judge does, from what it collected itself.
"""
from __future__ import annotations

import importlib
import importlib.util
import io
import pickle
import sys
import traceback
import types
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from grader.jail import wire
from grader.jail.bans import Watch

MESSAGE_CHARS = 300  # a learner exception's text crosses cut to one short line


def one_line(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS - 1] + "…"


class Callback:
    """A callable that lives in the judge: calling it asks the judge to call the real one."""

    __slots__ = ("_server", "_id")

    def __init__(self, server: "Server", ident: int):
        object.__setattr__(self, "_server", server)
        object.__setattr__(self, "_id", ident)

    def __call__(self, *args, **kwargs):
        return self._server.call_back(self._id, "call", None, args, kwargs)

    def __getattr__(self, name: str):
        if name.startswith("__") and name not in ("__name__", "__qualname__"):
            raise AttributeError(name)
        return self._server.call_back(self._id, "getattr", name, (), {})

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<callback {self._id} from the grader>"

    def __iter__(self):
        return _CallbackIterator(self._server.call_back(self._id, "iter", None, (), {}))

    def __next__(self):
        return self._server.call_back(self._id, "next", None, (), {})

    def __len__(self):
        return self._server.call_back(self._id, "len", None, (), {})


class _CallbackIterator:
    """Items of an iterable that lives in the judge, fetched a few at a time."""

    def __init__(self, source: Callback):
        self.source, self.items = source, []

    def __iter__(self):
        return self

    def __next__(self):
        if not self.items:
            if self.source is None:
                raise StopIteration
            chunk, more = self.source._server.call_back(self.source._id, "chunk", None, (), {})
            self.items = list(chunk)
            if not more:
                self.source = None
            if not self.items:
                raise StopIteration
        return self.items.pop(0)


class Server:
    def __init__(self, sock, module_path: Path, module_name: str):
        self.sock = sock
        self.path = module_path
        self.name = module_name
        self.module: types.ModuleType | None = None
        self.objects: dict[int, Any] = {}  # handle id -> object
        self.ids: dict[int, int] = {}  # id(object) -> handle id
        self.graphs: dict[int, tuple[list, list]] = {}  # graph key -> (outputs, grad leaves)
        self.next_id = 1
        self.watch: Watch | None = None
        self.watches: dict[tuple, Watch] = {}  # banned names -> their resolved watch, built once
        self.live: list[tuple[list, dict]] = []  # (arguments, their snapshots) of the requests in progress
        self.learner_files = {str(module_path)}
        self.mirrors: dict[int, Any] = {}  # mirror id -> a parameter whose copy the judge holds
        self.mirror_ids: dict[int, int] = {}  # id(parameter) -> mirror id
        self.mirror_seen: dict[int, tuple] = {}  # mirror id -> its state when last sent
        self.judge_objects: dict[int, Any] = {}  # objects the judge pickled to us, by the judge's id
        self.owned: dict[int, Any] = {}  # tensors of the judge's objects (a model's weights), by the judge's id
        self.owned_seen: dict[int, tuple] = {}

    # --- encoding ------------------------------------------------------------------------------

    def handle(self, obj: Any) -> dict:
        key = id(obj)
        if key in self.ids and self.objects.get(self.ids[key]) is obj:
            ident = self.ids[key]
        else:
            ident = self.next_id
            self.next_id += 1
            self.objects[ident] = obj
            self.ids[key] = ident
        kind = type(obj)
        flags = "c" if callable(obj) else ""
        if isinstance(obj, type):
            flags += "t"
        return {"h": [ident, one_line(f"{kind.__module__}.{kind.__qualname__}")[:120],
                      one_line(getattr(obj, "__name__", ""))[:80] if isinstance(obj, (type, types.FunctionType)) else "",
                      flags, _library_base(kind)]}

    def encoder(self, args_by_id: dict[int, str] | None = None, graph: list | None = None) -> wire.Encoder:
        def other(value):
            if isinstance(value, Callback):
                return {"cb": value._id}
            if isinstance(getattr(value, "__kata_callback__", None), Callback):
                return {"cb": value.__kata_callback__._id}
            if isinstance(value, type) and issubclass(value, BaseException):
                return {"xc": [value.__name__[:80], [k.__name__ for k in value.__mro__][:12],
                               self.handle(value)["h"][0]]}
            if isinstance(value, BaseException):
                return {"xv": [type(value).__name__[:80], [k.__name__ for k in type(value).__mro__][:12],
                               one_line(value)]}
            return self.handle(value)

        def pre(value):
            if args_by_id is None or id(value) not in args_by_id:
                if args_by_id is not None and type(value) is np.ndarray and value.base is not None:
                    return self._view_of(value, args_by_id)
                return None
            return {"arg": args_by_id[id(value)]} if type(value) in _MUTABLE_TYPES() else None

        def tensor_hook(value, fields):
            if graph is not None and (value.grad_fn is not None or (value.requires_grad and not value.is_leaf)):
                graph.append(value)
                fields[6]["g"] = len(graph) - 1
            if type(value).__name__ == "Parameter":
                fields[6]["m"] = self.mirror(value)
            return fields

        return wire.Encoder(other, tensor_hook, pre)

    def mirror(self, param) -> int:
        key = id(param)
        if key not in self.mirror_ids or self.mirrors.get(self.mirror_ids[key]) is not param:
            ident = self.next_id
            self.next_id += 1
            self.mirrors[ident] = param  # kept alive: the judge's copy stands for this very object
            self.mirror_ids[key] = ident
        ident = self.mirror_ids[key]
        self.mirror_seen[ident] = _mirror_state(param)
        return ident

    def changed_mirrors(self, encoder: wire.Encoder) -> list:
        """Parameters changed since the judge last saw them (an optimiser step, a backward)."""
        out = []
        for ident, param in self.mirrors.items():
            if _mirror_state(param) != self.mirror_seen.get(ident):
                out.append([ident, encoder(param)])
        return out

    def apply_sync(self, entries: Any, buffers) -> None:
        """The judge changed its copies of these parameters in place: change the originals too."""
        import torch

        for ident, tree in entries if isinstance(entries, list) else []:
            param = self.mirrors.get(ident)
            if param is None:
                continue
            value = wire.Decoder(buffers, lambda n, b: None)(tree)
            with torch.no_grad():
                if tuple(value.shape) == tuple(param.shape) and value.dtype == param.dtype:
                    param.copy_(value)
                else:
                    param.data = value.detach().clone()
            param.grad = value.grad
            param.requires_grad_(bool(value.requires_grad))
            self.mirror_seen[ident] = _mirror_state(param)

    def apply_owned(self, entries: Any, buffers) -> None:
        """Tensors of the judge's objects: made once, then brought up to date in place."""
        import torch

        for ident, tree in entries if isinstance(entries, list) else []:
            value = wire.Decoder(buffers, lambda n, b: None)(tree)
            mine = self.owned.get(ident)
            if mine is None:
                self.owned[ident] = mine = value
            else:
                with torch.no_grad():
                    if tuple(value.shape) == tuple(mine.shape) and value.dtype == mine.dtype:
                        mine.copy_(value)
                    else:
                        mine.data = value.detach().clone()
                if mine.is_leaf:
                    mine.requires_grad_(bool(value.requires_grad))
                    mine.grad = value.grad
            self.owned_seen[ident] = _mirror_state(mine)

    def changed_owned(self, encoder: wire.Encoder) -> list:
        out = []
        for ident, tensor in self.owned.items():
            state = _mirror_state(tensor)
            if state != self.owned_seen.get(ident):
                out.append([ident, {"t": wire.Encoder.tensor(encoder, tensor)}])
                self.owned_seen[ident] = state
        return out

    def _view_of(self, value: np.ndarray, args_by_id: dict[int, str]) -> dict | None:
        for arg_id, key in args_by_id.items():
            base = self._arg_objects.get(arg_id)
            if type(base) is np.ndarray and base.flags.c_contiguous and np.shares_memory(value, base):
                offset = value.__array_interface__["data"][0] - base.__array_interface__["data"][0]
                return {"view": [key, offset, list(value.shape), list(value.strides), value.dtype.str]}
        return None

    def decode(self, tree, buffers, grad_leaves: list | None = None):
        def tag(name, body):
            if name == "r":
                obj = self.objects.get(body)
                if obj is None and body not in self.objects:
                    raise wire.WireError("unknown handle")
                return obj
            if name == "cb":
                return Callback(self, int(body))
            if name == "fn":  # a function of the judge's, with its signature: a real function that calls back
                return _function_stub(Callback(self, int(body[0])), body[1], lambda t: wire.Decoder(buffers, tag)(t))
            if name == "gl":  # a library function the judge named: ours is the same
                module, qualname = str(body[0]), str(body[1])
                if module.split(".")[0] not in _GLOBAL_ROOTS:
                    raise wire.WireError("not a library function")
                owner: Any = importlib.import_module(module)
                for part in qualname.split("."):
                    owner = getattr(owner, part)
                return owner
            if name == "m":
                if body not in self.mirrors:
                    raise wire.WireError("unknown parameter")
                return self.mirrors[body]
            if name == "pk":  # objects the judge built (a torch module, a generator): trusted direction
                if self._unpickler is None:  # one stream per request: objects in it share references
                    self._unpickler = _Unpickler(io.BytesIO(bytes(buffers[self._pickles])), self)
                obj = self._unpickler.load()
                self.judge_objects[body] = obj
                return obj
            if name == "po":  # a judge object sent before: the same object again (its tensors are synced)
                return self.judge_objects[body]
            if name == "jt":
                return self.owned[body]
            if name == "mod":
                return self.module
            raise wire.WireError(f"unknown tag {name!r}")

        decoder = wire.Decoder(buffers, tag)
        if grad_leaves is not None:
            original = decoder.tensor

            def tensor(fields):
                value = original(fields)
                if value.requires_grad:
                    grad_leaves.append(value)
                return value
            decoder.tensor = tensor
        return decoder(tree)

    # --- the loop ------------------------------------------------------------------------------

    def serve(self) -> None:
        while True:
            try:
                body = wire.recv(self.sock)
            except EOFError:
                return
            header, buffers = wire.unpack(body)
            self.answer(header, buffers)

    def answer(self, header: dict, buffers) -> None:
        try:
            reply, out = self.dispatch(header, buffers)
        except BaseException as error:  # the learner's exception, or the bridge's own
            if isinstance(error, KeyboardInterrupt):
                raise
            reply, out = {"err": self.describe(error)}, []
            bans = getattr(error, "_kata_bans", None) if isinstance(getattr(error, "__dict__", None), dict) else None
            if bans:
                reply["bans"], reply["ban_lines"] = sorted(set(bans[0]))[:8], bans[1]
        wire.send(self.sock, reply, out)

    def describe(self, error: BaseException) -> dict:
        frames = []
        for frame, line in traceback.walk_tb(error.__traceback__):
            if frame.f_code.co_filename in self.learner_files:
                source = ""
                try:
                    source = Path(frame.f_code.co_filename).read_text().splitlines()[line - 1].strip()
                except Exception:
                    pass
                frames.append(one_line(f"{self.path.name}:{line} in {frame.f_code.co_name}: {source}")[:200])
        last = None
        for frame, _ in traceback.walk_tb(error.__traceback__):
            last = frame.f_code.co_filename
        judge_error = getattr(error, "_kata_judge_error", None)
        return {"judge_error": judge_error if type(judge_error) is int else None,
                "class": self.handle(type(error))["h"][0] if type(error).__module__ == self.name else None,
                "type": type(error).__name__[:80], "mro": [k.__name__ for k in type(error).__mro__][:12],
                "msg": one_line(error), "frames": frames[-8:], "last_in_learner": last in self.learner_files,
                "notes": [one_line(n) for n in getattr(error, "__notes__", [])][:2]}

    def dispatch(self, header: dict, buffers) -> tuple[dict, list]:
        op = header.get("op")
        if op == "load":
            return self.load()
        if op == "backward":
            return self.backward(header, buffers)
        if op == "release":
            for ident in header.get("ids", []):
                obj = self.objects.pop(ident, None)
                if obj is not None and self.ids.get(id(obj)) == ident:
                    del self.ids[id(obj)]
            for key in header.get("graphs", []):
                self.graphs.pop(key, None)
            return {"ok": None}, []
        if op == "ping":
            return {"ok": "pong"}, []
        if self.module is None:
            self.load()
        self.apply_sync(header.get("sync"), buffers)
        self.apply_owned(header.get("owned"), buffers)
        self._unpickler = None
        self._pickles = header.get("pickles")
        leaves: list = []
        self._arg_objects = {}
        target = self.decode(header.get("obj"), buffers) if "obj" in header else self.module
        args = self.decode(header.get("args", {"L": []}), buffers, leaves)
        kwargs = self.decode(header.get("kwargs", {"D": []}), buffers, leaves)
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise wire.WireError("malformed request")
        keyed = [(str(i), a) for i, a in enumerate(args)] + [(f"k:{k}", v) for k, v in kwargs.items()]
        nested = wire.nested_arguments(keyed)  # the arguments and the items inside them, walked once
        self._arg_objects = {id(v): v for _, v in nested}
        before = {key: _snapshot(v) for key, v in keyed if type(v) in _MUTABLE_TYPES() or _is_mirrored(v)}
        names = header.get("ban") or []
        self.watch = self.watch_for(names)
        synced = dict(before)  # what the judge last saw of each argument (a callback shows it the latest)
        self.live.append((keyed, synced))
        try:
            return self._perform_and_reply(op, target, header, args, kwargs, keyed, synced, leaves, nested)
        finally:
            self.live.pop()

    def _perform_and_reply(self, op, target, header, args, kwargs, keyed, before, leaves, nested):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = self.perform(op, target, header, args, kwargs)
            except BaseException as error:  # the learner's error: its ban hits still count
                try:
                    error._kata_bans = (list(self.watch.hits), self.ban_lines(self.watch)) if self.watch else None
                except AttributeError:
                    pass
                self.watch = None
                raise
        hits = list(self.watch.hits) if self.watch else []
        where = self.ban_lines(self.watch)
        self.watch = None
        graph: list = []
        # a result may hold the caller's own arrays: the first key of an object wins
        encoder = self.encoder({id(v): key for key, v in reversed(nested)}, graph)
        tree = encoder(result)
        writeback = {}
        plain = self.encoder(None, graph)  # not alias-aware: a changed argument's state is its value
        plain.buffers = encoder.buffers
        for key, value in keyed:
            if key in before and _snapshot(value) != before[key]:
                writeback[key] = plain(_state(value))
        reply = {"ok": tree, "wb": writeback, "bans": sorted(set(hits))[:8], "ban_lines": where, "sync": self.changed_mirrors(encoder),
                 "warnings": [[w.category.__name__[:40], one_line(w.message)[:200]] for w in caught[:8]],
                 "owned": self.changed_owned(encoder)}
        if graph:
            graph_key = self.next_id
            self.next_id += 1
            self.graphs[graph_key] = (graph, leaves)
            reply["graph"] = [graph_key, len(graph), len(leaves)]
        return reply, encoder.buffers

    def ban_lines(self, watch: Watch | None) -> list[str]:
        lines = []
        for filename, line, function in (watch.where if watch else [])[:4]:
            source = ""
            try:
                source = Path(filename).read_text().splitlines()[line - 1].strip()
            except Exception:
                pass
            lines.append(one_line(f"{self.path.name}:{line} in {function}: {source}")[:200])
        return lines

    def _tell_ban(self, name: str) -> None:
        try:
            wire.send(self.sock, {"ban_hit": str(name)[:120]})
        except OSError:
            pass

    def watch_for(self, names: list) -> Watch | None:
        if not names:
            return None
        key = tuple(str(n) for n in names)
        if key not in self.watches:
            self.watches[key] = Watch(list(key), self.module, self.learner_files)
        watch = self.watches[key]
        watch.hits, watch.where, watch.skip = [], [], None
        watch.notify = self._tell_ban
        return watch

    def perform(self, op: str, target: Any, header: dict, args: list, kwargs: dict) -> Any:
        name = header.get("name")
        if op == "getattr":
            return self.guarded(getattr, target, name)
        if op == "setattr":
            return self.guarded(setattr, target, name, args[0])
        if op == "delattr":
            return self.guarded(delattr, target, name)
        if op == "call":
            return self.guarded(target, *args, **kwargs)
        if op == "method":  # operators and protocol methods: len, iter, next, getitem, ==, +
            return self.guarded(_method, target, name, args)
        if op == "new":  # a library object built here from data: torch.optim.SGD(handle.parameters())
            return self.guarded(_library_object(name), *args, **kwargs)
        if op == "isinstance":
            return isinstance(target, _library_object(name))
        if op == "has":
            return hasattr(target, name)
        raise wire.WireError(f"unknown request {op!r}")

    def guarded(self, fn, *args, **kwargs):
        if self.watch is None:
            return fn(*args, **kwargs)
        with self.watch:
            return fn(*args, **kwargs)

    def load(self) -> tuple[dict, list]:
        if self.module is not None:
            return {"ok": None}, []
        if not self.path.is_file():
            return {"load": "missing"}, []
        spec = importlib.util.spec_from_file_location(self.name, self.path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[self.name] = module
        try:
            spec.loader.exec_module(module)
        except SyntaxError as error:
            sys.modules.pop(self.name, None)
            return {"load": "syntax", "line": error.lineno, "msg": one_line(error.msg)}, []
        except BaseException as error:
            sys.modules.pop(self.name, None)
            if isinstance(error, SystemExit):
                return {"load": "exit"}, []
            line = None
            for frame, lineno in traceback.walk_tb(error.__traceback__):
                if frame.f_code.co_filename == str(self.path):
                    line = lineno
            return {"load": "raised", "type": type(error).__name__[:80], "line": line, "msg": one_line(error)}, []
        self.module = module
        return {"ok": None}, []

    def backward(self, header: dict, buffers) -> tuple[dict, list]:
        import torch

        outputs, leaves = self.graphs[header["graph"]]
        grads = self.decode(header["grads"], buffers)
        pairs = [(o, g) for o, g in zip(outputs, grads) if g is not None and o.requires_grad]
        saved = [leaf.grad for leaf in leaves]
        for leaf in leaves:
            leaf.grad = None
        names = header.get("ban") or []
        self.watch = self.watch_for(names)
        if pairs:
            if self.watch is not None:  # our own call of backward is exempt, once; what it runs is watched
                self.watch.skip = torch.autograd.backward
            self.guarded(torch.autograd.backward, [o for o, _ in pairs], [g for _, g in pairs], retain_graph=True)
        hits = list(self.watch.hits) if self.watch else []
        where = self.ban_lines(self.watch)
        self.watch = None
        result = [leaf.grad for leaf in leaves]
        for leaf, grad in zip(leaves, saved):
            leaf.grad = grad
        encoder = self.encoder()
        return {"ok": encoder(result), "bans": sorted(set(hits))[:8], "ban_lines": where,
                "sync": self.changed_mirrors(encoder), "owned": self.changed_owned(encoder)}, encoder.buffers

    def call_back(self, ident: int, kind: str, name: str | None, args: tuple, kwargs: dict):
        encoder = self.encoder()
        tree_args = encoder(list(args))
        tree_kwargs = encoder(dict(kwargs))
        changed = {}
        if self.live:  # the learner changed the request's arguments in place: the judge's callable sees that
            keyed, snapshots = self.live[-1]
            plain = self.encoder(None, None)
            plain.buffers = encoder.buffers
            for key, value in keyed:
                if key in snapshots:
                    now = _snapshot(value)
                    if now != snapshots[key]:
                        changed[key] = plain(_state(value))
                        snapshots[key] = now
        watch, self.watch = self.watch, None  # the judge's callback is not the learner's code
        if watch is not None:
            watch.pause()
        try:
            wire.send(self.sock, {"callback": ident, "kind": kind, "name": name, "args": tree_args,
                                  "kwargs": tree_kwargs, "live": changed}, encoder.buffers)
            while True:  # serve the judge's nested requests until our answer comes
                header, buffers = wire.unpack(wire.recv(self.sock))
                if "reply" in header:
                    break
                self.answer(header, buffers)
        finally:
            self.watch = watch
            if watch is not None:
                watch.resume()
        for key, tree in (header["reply"].get("wb") or {}).items():
            index = int(key) if str(key).isdigit() else None
            target = args[index] if index is not None and index < len(args) else kwargs.get(str(key)[2:])
            _apply_state(target, self.decode(tree, buffers))
        if "err" in header["reply"]:
            error = header["reply"]["err"]
            kind = self.objects.get(error.get("class")) if error.get("class") else None
            raised = kind(error.get("msg", "")) if isinstance(kind, type) and issubclass(kind, BaseException) \
                else _judge_error(error.get("type"), error.get("msg", ""), bool(error.get("base")))
            raised._kata_judge_error = error.get("id")
            raise raised
        return self.decode(header["reply"]["ok"], buffers)


def _function_stub(callback: Callback, spec: Any, decode) -> Any:
    """A real function with the judge function's name, signature, annotations and docstring."""
    import inspect
    import keyword

    name, qualname, doc, params = spec[:4]
    parts, call, defaults, annotations = [], [], {}, {}
    kinds = {"POSITIONAL_ONLY": inspect.Parameter.POSITIONAL_ONLY,
             "POSITIONAL_OR_KEYWORD": inspect.Parameter.POSITIONAL_OR_KEYWORD,
             "VAR_POSITIONAL": inspect.Parameter.VAR_POSITIONAL, "KEYWORD_ONLY": inspect.Parameter.KEYWORD_ONLY,
             "VAR_KEYWORD": inspect.Parameter.VAR_KEYWORD}
    parameters = []
    for pname, kind, has_default, default, annotation in params:
        if not str(pname).isidentifier() or keyword.iskeyword(pname) or kind not in kinds:
            raise wire.WireError("malformed function signature")
        kwargs = {"default": decode(default)} if has_default else {}
        if annotation is not None:
            kwargs["annotation"] = decode(annotation)
        parameters.append(inspect.Parameter(pname, kinds[kind], **kwargs))
    signature = inspect.Signature(parameters)

    def stub(*args, **kwargs):
        return callback(*args, **kwargs)

    stub.__name__ = str(name) if str(name).isidentifier() else "function"
    stub.__qualname__ = str(qualname)[:120]
    stub.__doc__ = doc if isinstance(doc, str) else None
    stub.__signature__ = signature
    stub.__annotations__ = {p.name: p.annotation for p in parameters if p.annotation is not inspect.Parameter.empty}
    stub.__kata_callback__ = callback
    return stub


def _judge_error(type_name: str | None, message: str, base: bool = False) -> BaseException:
    """The judge callable's exception as the learner's code sees it: the builtin type, or RuntimeError;
    one that is not an ``Exception`` (``class Stop(BaseException)``) stays out of ``except Exception``."""
    import builtins

    kind = getattr(builtins, str(type_name), None)
    if isinstance(kind, type) and issubclass(kind, Exception):
        return kind(message)
    if base:
        name = str(type_name) if str(type_name).isidentifier() else "JudgeBaseException"
        return type(name[:80], (BaseException,), {"__module__": "builtins"})(message)
    return RuntimeError(message)


_BASE_LIBRARIES = ("torch.", "numpy.", "sklearn.", "collections.")
_GLOBAL_ROOTS = ("numpy", "scipy", "torch", "sklearn", "math", "statistics", "builtins", "operator", "functools",
                 "itertools", "cmath", "random")


def _library_base(kind: type) -> str:
    """The nearest library class the type derives from (``torch.nn.modules.module.Module``), or ""."""
    for klass in kind.__mro__:
        module = getattr(klass, "__module__", "") or ""
        if (module + ".").startswith(_BASE_LIBRARIES) or module == "builtins" and klass is not object:
            return f"{module}.{klass.__qualname__}"[:120]
    return ""


def _mirror_state(param) -> tuple:
    grad = param.grad
    return (param._version, param.data_ptr(), param.requires_grad, id(grad), grad._version if grad is not None else None)


class _Unpickler(pickle.Unpickler):
    """The judge's pickles may name our parameters and objects by id (persistent ids)."""

    def __init__(self, file, server: "Server"):
        super().__init__(file)
        self.server = server

    def persistent_load(self, pid):
        kind, ident = pid
        if kind == "jt":
            return self.server.owned[ident]
        if kind == "m":
            return self.server.mirrors[ident]
        if kind == "r":
            return self.server.objects[ident]
        raise pickle.UnpicklingError("unknown persistent id")


def _apply_state(target: Any, state: Any) -> None:
    """The judge's callback changed an argument in place: change ours the same way."""
    torch = sys.modules.get("torch")
    try:
        if isinstance(target, list) and isinstance(state, list):
            if len(target) == len(state):
                for i, value in enumerate(state):
                    target[i] = _merged(target[i], value)
            else:
                target[:] = state
        elif isinstance(target, dict) and isinstance(state, dict):
            for key in [k for k in target if k not in state]:
                del target[key]
            for key, value in state.items():
                target[key] = _merged(target[key], value) if key in target else value
        elif isinstance(target, set) and isinstance(state, set):
            target.clear()
            target.update(state)
        elif isinstance(target, np.ndarray) and isinstance(state, np.ndarray) and target.shape == state.shape:
            target[...] = state
        elif torch is not None and isinstance(target, torch.Tensor) and isinstance(state, torch.Tensor):
            with torch.no_grad():
                target.copy_(state)
    except Exception:
        pass


def _merged(old: Any, new: Any) -> Any:
    """``new``'s value kept in ``old`` itself where both are arrays or containers (identity kept)."""
    if isinstance(old, (list, dict, set, np.ndarray)) and type(old) is type(new):
        if isinstance(old, np.ndarray) and (old.shape != new.shape or old.dtype != new.dtype):
            return new
        _apply_state(old, new)
        return old
    return new


def _MUTABLE_TYPES() -> tuple:
    torch = sys.modules.get("torch")
    kinds = (np.ndarray, list, dict, set, bytearray)
    return kinds + ((torch.Tensor, torch.nn.Parameter) if torch is not None else ())


def _is_mirrored(value: Any) -> bool:
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(value, torch.nn.Module) or isinstance(value, np.random.Generator)


def _snapshot(value: Any):
    """Something that compares unequal after the value was changed in place."""
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.nn.Module):
        return tuple((k, _snapshot(v)) for k, v in value.state_dict(keep_vars=True).items()) + (value.training,)
    if isinstance(value, np.random.Generator):
        return repr(value.bit_generator.state)
    if torch is not None and isinstance(value, torch.Tensor):
        data = value.detach()
        grad = value.grad
        if data.is_meta:  # no values to read: an in-place change shows in its version counter
            return (data.dtype, tuple(data.shape), "meta", value._version, None if grad is None else _snapshot(grad))
        return (data.dtype, tuple(data.shape), data.cpu().numpy().tobytes() if data.dtype != torch.bfloat16
                else data.float().cpu().numpy().tobytes(),
                None if grad is None else _snapshot(grad))
    if isinstance(value, np.ndarray):
        return (value.dtype.str, value.shape, value.tobytes())
    try:
        tree, buffers = wire.encode(value, lambda v: {"id": id(v)})
        return repr(tree), tuple(buffers)
    except Exception:
        return id(value)


def _state(value: Any) -> Any:
    """What crosses back so the judge can apply an in-place change to its own object."""
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.nn.Module):
        return {"module": {k: v.detach() for k, v in value.state_dict().items()},
                "grads": {k: p.grad for k, p in value.named_parameters() if p.grad is not None},
                "training": value.training}
    if isinstance(value, np.random.Generator):
        return {"rng": value.bit_generator.state}
    if torch is not None and isinstance(value, torch.Tensor):
        return {"tensor": value.detach(), "grad": value.grad}
    return value


_OPERATORS = {"__len__": len, "__iter__": iter, "__next__": next, "__bool__": bool, "__hash__": hash,
              "__repr__": repr, "__str__": str, "__float__": float, "__int__": int, "__index__": int.__index__,
              "__abs__": abs}


def _method(target: Any, name: str, args: list) -> Any:
    if name in _OPERATORS:
        if name == "__index__":
            import operator
            return operator.index(target)
        return _OPERATORS[name](target)
    if name == "__array__":
        return np.asarray(target)
    if name == "__kata_iter__":  # a container comes whole; an iterator one item at a time
        it = iter(target)
        if it is not target:
            return list(it), None
        name, target = "__kata_more__", it
    if name == "__kata_more__":
        for item in target:
            return [item], target
        return [], None
    import operator
    binary = {"__eq__": operator.eq, "__ne__": operator.ne, "__lt__": operator.lt, "__le__": operator.le,
              "__gt__": operator.gt, "__ge__": operator.ge, "__add__": operator.add, "__sub__": operator.sub,
              "__mul__": operator.mul, "__truediv__": operator.truediv, "__floordiv__": operator.floordiv,
              "__mod__": operator.mod, "__pow__": operator.pow, "__matmul__": operator.matmul,
              "__getitem__": operator.getitem, "__contains__": operator.contains, "__and__": operator.and_,
              "__or__": operator.or_, "__xor__": operator.xor}
    reflected = {"__radd__": operator.add, "__rsub__": operator.sub, "__rmul__": operator.mul,
                 "__rtruediv__": operator.truediv, "__rpow__": operator.pow, "__rmatmul__": operator.matmul,
                 "__rfloordiv__": operator.floordiv}
    unary = {"__neg__": operator.neg, "__pos__": operator.pos, "__invert__": operator.invert}
    if name in binary:
        return binary[name](target, args[0])
    if name in reflected:
        return reflected[name](args[0], target)
    if name in unary:
        return unary[name](target)
    if name == "__setitem__":
        target[args[0]] = args[1]
        return None
    if name == "__delitem__":
        del target[args[0]]
        return None
    if name == "__enter__":
        return target.__enter__()
    if name == "__exit__":
        return target.__exit__(*args)
    raise wire.WireError(f"operator {name!r} is not bridged")


_LIBRARIES = ("numpy.", "torch.", "scipy.", "sklearn.", "collections.", "itertools.", "functools.", "math.")


def _library_object(dotted: Any) -> Any:
    """A class or function of a library the judge may build objects from inside the jail."""
    if type(dotted) is not str or not dotted.startswith(_LIBRARIES):
        raise wire.WireError(f"{dotted!r} is not a library name the grader may use")
    module, _, attr = dotted.rpartition(".")
    owner: Any = None
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            owner = getattr(owner, part)
        return owner
    raise wire.WireError(f"cannot find {dotted!r}")

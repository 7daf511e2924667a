"""The judge's side of the bridge: checks reach the learner's jailed module through here.

``learner("T").f(x)`` sends ``f``'s handle and ``x`` by value to topic T's jail and returns the
result by value: plain data, numpy arrays and torch tensors (dtype, shape, device and autograd
kept: a ``backward()`` through a learner's result asks the jail for the gradients). An object the
learner's code made stays in the jail; the check holds a :class:`Remote` whose attribute reads,
calls and operators cross the bridge. A function or object of the check's passed in stays here
and is called back. An argument the learner's code changes in place is changed here too, and a
result that *is* an argument (or a numpy view of one) comes back as that very object.

The judge never unpickles what the jail sends (:mod:`grader.jail.wire` is data only), and
nothing the jail sends decides a status or a point.
"""
from __future__ import annotations

import builtins
import json
import os
import pickle
import select
import socket
import struct
import sys
import types
import typing
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from grader.jail import wire
from grader.loader import LearnerError, LearnerImportError, NotAttempted

PICKLED_LIBRARIES = ("numpy", "torch", "sklearn", "scipy", "collections", "datetime", "fractions", "decimal")


class LearnerCrash(LearnerError):
    """The learner's code brought its jail down (a crash, an exit, the memory cap)."""


class BridgeError(LearnerError):
    """The jail answered with something that breaks the bridge's format."""


class ShortcutUsed(Exception):
    """The learner's code reached a function the kata asks them to implement themselves."""


# --- where jails come from -------------------------------------------------------------------------

@dataclass
class JailSettings:
    zygote: str  # the zygote's socket path
    memory_mb: int = 3072
    cpu_seconds: int = 600
    processes: int = 64
    tag: str = "1"


settings: JailSettings | None = None  # set by the worker in each judge process
_sessions: dict[str, "Session"] = {}
active_ban: dict | None = None  # set by the plugin while a check of a banned kata runs: names, hits


def configure(new: JailSettings | None) -> None:
    global settings
    settings = new
    for session in list(_sessions.values()):
        session.close()
    _sessions.clear()


def session(topic_id: str, module_path: Path) -> "Session":
    """The jail for this topic and, while a check of a kata that bans names runs, for that ban list:
    a banned kata's checks run in a jail armed against exactly its bans (grader.jail.sentinel)."""
    bans = tuple(active_ban["names"]) if active_ban is not None else ()
    key = f"{topic_id}:{module_path}:{','.join(bans)}"
    if key not in _sessions:
        _sessions[key] = Session(topic_id, module_path, bans)
    return _sessions[key]


def close_all() -> None:
    for s in list(_sessions.values()):
        s.close()
    _sessions.clear()
    _import_failures.clear()


#: (topic, module path) -> how importing it failed in the first jail that tried: the topic's other
#: jails (one per ban list) fail the same way at once, instead of each waiting out a hang again
_import_failures: dict[tuple[str, str], LearnerError] = {}


class _Zygote:
    """This process's connection to the zygote (one per judge process)."""

    def __init__(self, path: str):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)

    def ask(self, message: dict, fds: list[int] = ()) -> dict:
        body = json.dumps(message).encode()
        data = struct.pack("<I", len(body)) + body
        if not fds:
            self.sock.sendall(data)
        else:
            self.sock.sendmsg([data], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack(f"<{len(fds)}i", *fds))])
        head = _exactly(self.sock, 4)
        return json.loads(_exactly(self.sock, struct.unpack("<I", head)[0]))


def _exactly(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise LearnerCrash("the grader's jail service stopped")
        data += chunk
    return data


_zygote: _Zygote | None = None
_zygote_pid: int | None = None


def _zygote_connection() -> _Zygote:
    global _zygote, _zygote_pid
    if _zygote is None or _zygote_pid != os.getpid():  # a forked judge needs its own connection
        _zygote = _Zygote(settings.zygote)
        _zygote_pid = os.getpid()
    return _zygote


# --- a topic's jail --------------------------------------------------------------------------------

class Session:
    """One topic's jail as seen from the judge: spawned on first use, again after a crash."""

    def __init__(self, topic_id: str, module_path: Path, bans: tuple[str, ...] = ()):
        self.topic_id = topic_id
        self.path = module_path
        self.bans = bans
        self.sock: socket.socket | None = None
        self.hits: socket.socket | None = None  # the sentinel's datagrams: one per banned call, sent as it happens
        self.copies: set[str] = set()  # banned functions the learner's code holds a copy of
        self.loading = False
        self.discount: str | None = None  # our own backward call, in a request that asks for one
        self.pid = 0
        self.generation = 0
        self.failure: LearnerError | None = None
        self.remotes: dict[int, weakref.ref] = {}
        self.callbacks: dict[int, Any] = {}
        self.callback_ids: dict[int, int] = {}
        self.attributes: dict[str, Any] = {}
        # jail parameter id -> our copy of it, kept alive: a copy changed in place and then dropped
        # (``layer.weight.copy_(w)``) must still reach the jail at the next request
        self.mirrors: dict[int, Any] = {}
        self.mirror_of: dict[int, int] = {}  # id(our copy) -> jail parameter id
        self.mirror_state: dict[int, tuple] = {}  # jail parameter id -> our copy's state when synced
        self.pickled: dict[int, tuple[int, Any]] = {}  # id(our object) -> (its id in the jail, it)
        self.raised: list[BaseException] = []  # exceptions the check's callables raised into the jail
        self.live: list[dict] = []  # arguments of the requests in progress, by key
        self.owned: dict[int, weakref.ref] = {}  # our tensors inside objects we sent (a model's weights)
        self.owned_of: dict[int, int] = {}
        self.owned_state: dict[int, tuple] = {}

    # --- life ---------------------------------------------------------------------------------

    def start(self) -> None:
        if settings is None:
            raise RuntimeError("the bridge is not configured: grade through python -m grader")
        ours, theirs = socket.socketpair()
        hits_ours, hits_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET) if self.bans else (None, None)
        try:
            answer = _zygote_connection().ask({
                "op": "spawn", "module": str(self.path.resolve()), "name": f"kata_submission_{self.topic_id}",
                "memory_mb": settings.memory_mb, "cpu_seconds": settings.cpu_seconds,
                "processes": settings.processes, "tag": settings.tag, "banned": list(self.bans)},
                [theirs.fileno()] + ([hits_theirs.fileno()] if hits_theirs else []))
        finally:
            theirs.close()
            if hits_theirs is not None:
                hits_theirs.close()
        if "pid" not in answer:
            ours.close()
            if hits_ours is not None:
                hits_ours.close()
            raise LearnerCrash(f"the grader could not start a jail: {answer.get('error', 'no answer')}")
        self.sock, self.pid, self.hits = ours, int(answer["pid"]), hits_ours
        self.copies.clear()
        self.generation += 1
        self.remotes.clear()
        self.attributes.clear()
        self.mirrors.clear()
        self.mirror_of.clear()
        self.mirror_state.clear()
        self.pickled.clear()
        self.owned.clear()
        self.owned_of.clear()
        self.owned_state.clear()

    def close(self) -> None:
        self.attributes.clear()  # handles of this run are dead from now on
        if self.sock is not None:
            try:
                _zygote_connection().ask({"op": "kill", "pid": self.pid})
            except Exception:
                pass
            self.sock.close()
            self.sock = None
        if self.hits is not None:
            self.hits.close()
            self.hits = None

    def ready(self) -> None:
        """Spawn and import the learner's module if needed; a failed import is remembered."""
        if self.failure is None and (self.topic_id, str(self.path)) in _import_failures:
            self.failure = _import_failures[(self.topic_id, str(self.path))]
        if self.failure is not None:
            raise _fresh(self.failure)
        if self.sock is not None:
            return
        try:
            self._load()
        except LearnerError:
            if self.failure is not None:
                _import_failures[(self.topic_id, str(self.path))] = self.failure
            raise

    def _load(self) -> None:
        self.start()
        self.loading = True  # a banned call at import is not a check's: only copies count
        try:
            reply, _ = self.exchange({"op": "load"}, [])
        except LearnerCrash as crash:
            self.failure = LearnerImportError(f"importing {self.path.name} {str(crash).removeprefix('your code ')}")
            raise _fresh(self.failure) from None
        except BaseException as error:
            if type(error).__name__ == "Failed" and "Timeout" in str(error):
                self.failure = LearnerImportError(
                    f"importing {self.path.name} did not finish in time: look for a loop or slow work at module level")
                self.failure.timed_out = True
                self.kill()
                raise _fresh(self.failure) from None
            raise
        finally:
            self.loading = False
        if "load" in reply:
            self.failure = _load_failure(self.path, reply)
            self.kill()
            raise _fresh(self.failure)

    def kill(self) -> None:
        self.close()

    # --- talking --------------------------------------------------------------------------------

    def exchange(self, header: dict, buffers: list[bytes]) -> tuple[dict, list]:
        """Send a request, serve the jail's callbacks, return its reply (header, buffers)."""
        try:
            wire.send(self.sock, header, buffers)
            while True:
                try:
                    self.wait_draining_hits()
                    body = wire.recv(self.sock, limit=wire.MAX_FRAME)
                    self.drain_hits()  # what was sent before this frame is already queued
                    reply, reply_buffers = wire.unpack(body)
                except (EOFError, OSError):
                    raise LearnerCrash(self._death()) from None
                except wire.WireError as error:
                    self.kill()
                    raise BridgeError(f"your code sent the grader something it cannot read ({error})") from None
                if "exit" in reply:
                    self.kill()
                    raise LearnerCrash(f"your code {_short(reply['exit'])} during this check")
                if "callback" in reply:
                    self.serve_callback(reply, reply_buffers)
                    continue
                if "ban_hit" in reply:  # told the moment it happens, so the learner's code cannot erase it
                    if active_ban is not None:
                        active_ban["hits"].append(str(reply["ban_hit"])[:120])
                    continue
                return reply, reply_buffers
        except BaseException:
            if self.sock is not None and not isinstance(sys.exc_info()[1], (LearnerError,)):
                self.kill()  # a timeout or an interrupt mid-request: this jail's state is unknown
            elif isinstance(sys.exc_info()[1], LearnerCrash):
                self.kill()
            raise

    def wait_draining_hits(self) -> None:
        """Block until the jail's next frame begins, taking its ban datagrams meanwhile (a jail
        blocked on a full ban channel must not wait for us while we wait for it)."""
        if self.hits is None:
            return
        while True:
            ready, _, _ = select.select([self.sock, self.hits], [], [])
            if self.hits in ready:
                self.drain_hits()
            if self.sock in ready:
                return

    def drain_hits(self) -> None:
        if self.hits is None:
            return
        while True:
            try:
                data = self.hits.recv(256, socket.MSG_DONTWAIT)
            except OSError:  # nothing waiting (BlockingIOError), or the channel is gone
                return
            if not data:
                return
            name = data.decode("utf-8", "replace")
            if name.startswith("copy:"):
                self.copies.add(name[5:] if name[5:] in self.bans else "the grader's ban watch")
                continue
            if self.loading or active_ban is None:
                continue
            if name == self.discount:
                self.discount = None
                continue
            if name.startswith("tamper:"):
                name = f"{name[7:]} (switching off the grader's ban watch)"
            elif name not in self.bans:
                name = "a banned function (your code wrote on the grader's ban channel)"
            active_ban["hits"].append(name)

    def note_copies(self) -> None:
        if active_ban is not None and self.copies:
            active_ban["hits"].extend(f"{name} (a copy of it)" for name in sorted(self.copies))

    def _death(self) -> str:
        self.kill()
        return "your code brought down its process during this check (a crash, os._exit or the memory cap)"

    def request(self, op: str, obj: Any = None, name: str | None = None, args: tuple = (), kwargs: dict | None = None) -> Any:
        self.ready()
        kwargs = kwargs or {}
        encoder = self.encoder()
        header = {"op": op}
        if obj is not None:
            header["obj"] = encoder(obj)
        if name is not None:
            header["name"] = name
        header["args"] = encoder(list(args))
        header["kwargs"] = encoder(dict(kwargs))
        if active_ban is not None:
            header["ban"] = active_ban["names"]
        dirty = self.dirty_mirrors(encoder)
        if dirty:
            header["sync"] = dirty
        self.finish_pickles(encoder, header)
        keyed = {str(i): a for i, a in enumerate(args)} | {f"k:{k}": v for k, v in kwargs.items()}
        self.live.append(keyed)
        try:
            reply, buffers = self.exchange(header, encoder.buffers)
        finally:
            self.live.pop()
        self.note_bans(reply)
        self.note_copies()
        self.apply_sync(reply, buffers)
        self.apply_owned(reply, buffers)
        if "err" in reply:
            raise _learner_exception(reply["err"], self)
        graph_outputs: list = []
        decoder = self.decoder(buffers, dict(wire.nested_arguments(list(keyed.items()))) | keyed, graph_outputs)
        try:
            result = decoder(reply.get("ok"))
            for key, tree in (reply.get("wb") or {}).items():
                if key in keyed:
                    _apply_writeback(keyed[key], decoder(tree))
        except wire.WireError as error:
            raise BridgeError(f"your code returned something the grader cannot read ({error})") from None
        if graph_outputs and "graph" in reply:
            result = _attach_autograd(self, reply["graph"], graph_outputs, keyed, result)
        self.raise_bans()
        _reemit_warnings(reply.get("warnings"))
        return result

    # --- parameters mirrored both ways ---------------------------------------------------------

    def dirty_mirrors(self, encoder: wire.Encoder) -> list:
        out = []
        for ident, param in list(self.mirrors.items()):
            if _copy_state(param) != self.mirror_state.get(ident):
                out.append([ident, encoder.tensor_tree(param)])
                self.mirror_state[ident] = _copy_state(param)
        return out

    def apply_sync(self, reply: dict, buffers) -> None:
        entries = reply.get("sync")
        if not entries or not isinstance(entries, list):
            return
        decoder = self.decoder(buffers, {}, None)
        for entry in entries[:100_000]:
            try:
                decoder(entry[1])  # a mirror's tensor updates our copy in place as it is decoded
            except (wire.WireError, TypeError, IndexError):
                raise BridgeError("your code sent the grader parameters it cannot read") from None

    def adopt(self, ident: int, value: Any) -> Any:
        """Our copy of jail parameter ``ident``: the same object each time, its values brought up to date."""
        import torch

        mine = self.mirrors.get(ident)
        if mine is None or not isinstance(value, torch.Tensor):
            self.mirrors[ident] = value
            self.mirror_of[id(value)] = ident
            mine = value
        else:
            with torch.no_grad():
                mine.data = value.data
            mine.requires_grad_(value.requires_grad)
            mine.grad = value.grad
        self.mirror_state[ident] = _copy_state(mine)
        return mine

    def note_bans(self, reply: dict) -> None:
        if active_ban is not None and reply.get("bans"):
            active_ban["hits"].extend(str(n)[:120] for n in reply["bans"][:8])
            lines = reply.get("ban_lines")
            if isinstance(lines, list):
                active_ban.setdefault("lines", []).extend(str(x)[:200] for x in lines[:4])

    def raise_bans(self) -> None:
        if active_ban is not None and active_ban["hits"]:
            raise shortcut_error()

    def serve_callback(self, header: dict, buffers) -> None:
        try:
            decoder = self.decoder(buffers, {}, None)
            target = self.callbacks[int(header["callback"])]
            live = header.get("live")
            if live and isinstance(live, dict) and self.live:  # the learner's in-place changes so far
                for key, tree in live.items():
                    if key in self.live[-1]:
                        _apply_writeback(self.live[-1][key], decoder(tree))
            args = decoder(header.get("args"))
            kwargs = decoder(header.get("kwargs"))
            kind = header.get("kind")
            if kind == "getattr":
                value = _handed_attribute(target, str(header.get("name")))
            elif kind == "iter":
                value = _Local(iter(target))
            elif kind == "next":
                value = next(target)
            elif kind == "len":
                value = len(target)
            elif kind == "chunk":  # a few items at a time: lazy enough, and far fewer round trips
                items = []
                for item in target:
                    items.append(item)
                    if len(items) == 32:
                        break
                value = (items, len(items) == 32)
            else:
                before = _snapshots(args, kwargs)
                value = target(*args, **kwargs)
            encoder = self.encoder()
            reply = {"reply": {"ok": encoder(value)}}
            if kind not in ("getattr", "iter", "next", "len", "chunk"):
                changed = _changed_arguments(before, args, kwargs)
                if changed:  # the check's callable changed an argument in place: so must the jail's copy
                    reply["reply"]["wb"] = {key: encoder(v) for key, v in changed.items()}
            out = encoder.buffers
        except BaseException as error:  # the check's callable raised: the learner's code sees the error
            if not isinstance(error, Exception) and _the_judges_own(error):
                raise  # a timeout, an interrupt, an exit: the judge's, never the learner's to catch
            self.raised.append(error)  # kept, so the learner re-raising it gives the check this very object
            handle = getattr(type(error), "_kata_handle", None)
            reply, out = {"reply": {"err": {"type": type(error).__name__, "msg": str(error)[:300],
                                            "id": len(self.raised) - 1, "base": not isinstance(error, Exception),
                                            "class": handle[1] if handle and handle[0] is self else None}}}, []
        wire.send(self.sock, reply, out)

    # --- encoding ------------------------------------------------------------------------------

    def encoder(self) -> wire.Encoder:
        def other(value):
            if isinstance(value, types.FunctionType):  # a contract's wrapper stands for the learner's function
                value = getattr(value, "__kata_watched__", value)
            if isinstance(value, Remote):
                if value._kata_session is not self or value._kata_generation != self.generation:
                    raise LearnerCrash("an object from an earlier run of your code was used after that run crashed")
                return {"r": value._kata_id}
            if isinstance(value, _LearnerModule):
                return {"mod": 1}
            if isinstance(value, _Local):  # always called back, never copied
                return self.callback(value.value)
            handle = getattr(value, "_kata_handle", None) if isinstance(value, type) else None
            if handle is not None and handle[0] is self and handle[2] == self.generation:
                return {"r": handle[1]}
            reference = _library_reference(value)
            if reference is not None:  # np.mean, math.sqrt, len: the jail has them too, no round trip
                return {"gl": reference}
            if isinstance(value, types.FunctionType):
                return {"fn": [self.callback(value)["cb"], _signature_of(value, encoder)]}
            if id(value) in self.pickled and self.pickled[id(value)][1] is value:
                return {"po": self.pickled[id(value)][0]}
            root = type(value).__module__.split(".")[0]
            if root in PICKLED_LIBRARIES and not callable(value) or _is_library_module(value):
                # a library object of the check's: the jail gets a copy (judge -> jail only); its
                # tensors are shared by id, so a model and its optimiser stay one model in the jail
                if not self.pickle_into(encoder, value):
                    return self.callback(value)
                ident = len(self.pickled) + 1
                self.pickled[id(value)] = (ident, value)
                return {"pk": ident}
            return self.callback(value)

        def pre(value):
            key = self.mirror_of.get(id(value))
            if key is not None and self.mirrors.get(key) is value:
                return {"m": key}
            key = self.owned_of.get(id(value))
            if key is not None:
                ref = self.owned.get(key)
                if ref is not None and ref() is value:
                    return {"jt": key}
            return None

        encoder = wire.Encoder(other, pre=pre)
        encoder.tensor_tree = lambda t: {"t": wire.Encoder.tensor(encoder, t)}
        return encoder

    def pickle_into(self, encoder: wire.Encoder, value: Any) -> bool:
        """Add ``value`` to this request's one pickle stream; False if it cannot be pickled."""
        import io

        session = self
        if not hasattr(encoder, "pickles"):
            torch = sys.modules.get("torch")

            class Pickler(pickle.Pickler):
                def persistent_id(self, obj):
                    if torch is not None and isinstance(obj, torch.Tensor):
                        key = session.mirror_of.get(id(obj))
                        if key is not None and session.mirrors.get(key) is obj:
                            return ("m", key)
                        return ("jt", session.own(obj))
                    if isinstance(obj, Remote) and obj._kata_session is session:
                        return ("r", obj._kata_id)
                    return None

            encoder.pickles = io.BytesIO()
            encoder.pickler = Pickler(encoder.pickles, protocol=pickle.HIGHEST_PROTOCOL)
        mark = encoder.pickles.tell()
        try:
            encoder.pickler.dump(value)
        except Exception:
            encoder.pickles.seek(mark)
            encoder.pickles.truncate()
            return False
        return True

    def own(self, tensor: Any) -> int:
        key = self.owned_of.get(id(tensor))
        if key is None or self.owned.get(key) is None or self.owned[key]() is not tensor:
            key = len(self.owned) + 1
            self.owned[key] = weakref.ref(tensor)
            self.owned_of[id(tensor)] = key
            self.owned_state.pop(key, None)
        return key

    def finish_pickles(self, encoder: wire.Encoder, header: dict) -> None:
        """Send the pickle stream, and every tensor of ours the jail holds that changed here."""
        if hasattr(encoder, "pickles"):
            header["pickles"] = encoder.buffer(encoder.pickles.getvalue())
        entries = []
        for key, ref in list(self.owned.items()):
            tensor = ref()
            if tensor is not None and _copy_state(tensor) != self.owned_state.get(key):
                entries.append([key, encoder.tensor_tree(tensor)])
                self.owned_state[key] = _copy_state(tensor)
        if entries:
            header["owned"] = entries

    def apply_owned(self, reply: dict, buffers) -> None:
        """The jail changed tensors of ours (an optimiser step on a model we passed): change them here."""
        entries = reply.get("owned")
        if not entries or not isinstance(entries, list):
            return
        import torch  # only here: a topic without tensors never pays for importing it

        decoder = wire.Decoder(buffers, lambda n, b: None)
        for entry in entries[:100_000]:
            try:
                key, tree = entry
                value = decoder(tree)
            except (wire.WireError, TypeError, ValueError):
                raise BridgeError("your code sent the grader tensors it cannot read") from None
            ref = self.owned.get(key)
            mine = ref() if ref is not None else None
            if mine is None or not isinstance(value, torch.Tensor):
                continue
            with torch.no_grad():
                if tuple(mine.shape) == tuple(value.shape) and mine.dtype == value.dtype:
                    mine.copy_(value)
                else:
                    mine.data = value.detach()
            if mine.is_leaf:
                mine.requires_grad_(bool(value.requires_grad))
                mine.grad = value.grad
            self.owned_state[key] = _copy_state(mine)

    def callback(self, value: Any) -> dict:
        key = id(value)
        if key not in self.callback_ids:
            ident = len(self.callbacks) + 1
            self.callbacks[ident] = value  # kept alive, so its id is never reused
            self.callback_ids[key] = ident
        return {"cb": self.callback_ids[key]}

    def decoder(self, buffers, keyed: dict, graph_outputs: list | None) -> wire.Decoder:
        def tag(name, body):
            if name == "h":
                ident, type_name, fn_name, flags, base = (wire._list(body) + [""])[:5]
                return self.remote(int(ident), str(type_name)[:120], str(fn_name)[:80], str(flags)[:4],
                                   str(base)[:120])
            if name == "cb":
                return self.callbacks.get(int(body))
            if name == "xc":
                type_name, mro, ident = wire._list(body)[:3]
                return _exception_class(str(type_name), [str(m) for m in wire._list(mro)],
                                        (self, int(ident), self.generation))
            if name == "xv":
                type_name, mro, message = wire._list(body)[:3]
                return _exception_class(str(type_name), [str(m) for m in wire._list(mro)])(str(message)[:300])
            if name == "arg":
                if body in keyed:
                    return keyed[body]
                raise wire.WireError("result names an argument that was not passed")
            if name == "view":
                return _view(keyed, body)
            raise wire.WireError(f"unknown tag {name!r}")

        decoder = wire.Decoder(buffers, tag)
        if graph_outputs is not None:
            plain = decoder.tensor

        else:
            plain, graph_outputs = decoder.tensor, []

        def tensor(fields):
            value = plain(fields)
            extras = fields[6] if len(fields) > 6 and type(fields[6]) is dict else {}
            if type(extras.get("m")) is int:
                value = self.adopt(extras["m"], value)
            if type(extras.get("g")) is int:
                graph_outputs.append((extras["g"], value))
            return value
        decoder.tensor = tensor
        return decoder

    def remote(self, ident: int, type_name: str, fn_name: str, flags: str, base: str = "") -> "Remote":
        ref = self.remotes.get(ident)
        obj = ref() if ref is not None else None
        if obj is None:
            obj = _remote_class(type_name, base)(self, ident, type_name, fn_name, flags)
            self.remotes[ident] = weakref.ref(obj)
        return obj


def _copy_state(tensor) -> tuple:
    grad = tensor.grad
    return (tensor._version, tensor.data_ptr(), tensor.requires_grad, id(grad),
            grad._version if grad is not None else None)


def _is_library_module(value: Any) -> bool:
    """A torch module, optimiser or generator made only of torch's classes and the jail's fixtures."""
    torch = sys.modules.get("torch")
    if torch is None or isinstance(value, Remote):
        return False
    if isinstance(value, torch.nn.Module):
        return all(not isinstance(m, Remote) and (type(m).__module__.split(".")[0] == "torch"
                                                  or type(m).__module__ == "grader.jail.fixtures")
                   for m in value.modules())
    return isinstance(value, (torch.optim.Optimizer, torch.Generator))


def shortcut_error() -> "ShortcutUsed":
    """The ban message for the current check, with the learner's line that reached the banned function."""
    error = ShortcutUsed(f"`{active_ban['hits'][0]}` is not allowed in {active_ban['exercise']}: "
                         "this kata asks you to implement it yourself")
    error.__kata_frames__ = active_ban.get("lines", [])[:4]
    return error


def _fresh(error: LearnerError) -> LearnerError:
    copy = type(error)(*error.args)
    copy.__dict__.update(error.__dict__)
    return copy


def _short(text: Any) -> str:
    return " ".join(str(text).split())[:200]


def _load_failure(path: Path, reply: dict) -> LearnerError:
    kind = reply.get("load")
    if kind == "missing":
        return NotAttempted(f"{path} not found: create it from the stub in exercises/{path.parent.name}/")
    if kind == "syntax":
        return LearnerImportError(f"{path.name} has a syntax error at line {reply.get('line')}: "
                                  f"{_short(reply.get('msg'))}; fix it and grade again")
    if kind == "exit":
        return LearnerImportError(f"{path.name} called sys.exit() while being imported: remove module-level exits")
    where = f" at line {reply['line']}" if isinstance(reply.get("line"), int) else ""
    return LearnerImportError(f"importing {path.name} raised {_short(reply.get('type'))}{where}: {_short(reply.get('msg'))}")


# --- exceptions ------------------------------------------------------------------------------------

_exception_classes: dict[tuple, type] = {}


LIBRARY_CALLABLES = ("numpy", "scipy", "torch", "sklearn", "math", "statistics", "builtins", "operator",
                     "functools", "itertools", "cmath", "random")


def _library_reference(value: Any) -> list | None:
    """[module, qualname] for a library function the jail can import itself, unless it is banned now."""
    if not callable(value) or isinstance(value, (type, Remote)):
        return None
    module, qualname = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str) or module.split(".")[0] not in LIBRARY_CALLABLES:
        return None
    owner: Any = sys.modules.get(module)
    for part in qualname.split("."):
        owner = getattr(owner, part, None)
    if owner is not value:  # a bound method (rng.normal) or a local function: called back instead
        return None
    if active_ban is not None:
        from grader.bans import resolve
        for name in active_ban["names"]:
            try:
                if resolve(name)[2] is value:
                    return None
            except Exception:
                continue
    return [module, qualname]


def _signature_of(fn: Any, encoder: wire.Encoder) -> list:
    """[name, qualname, doc, parameters] of a check's function, so the jail's stand-in has them too."""
    import inspect

    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        parameters = []
    try:
        hints = typing.get_type_hints(fn)
    except Exception:
        hints = {}
    out = []
    for p in parameters:
        has_default = p.default is not inspect.Parameter.empty
        annotation = hints.get(p.name, None if p.annotation is inspect.Parameter.empty else p.annotation)
        out.append([p.name, p.kind.name, has_default, encoder(p.default) if has_default else None,
                    None if annotation is None else encoder(annotation)])
    return [fn.__name__, fn.__qualname__, fn.__doc__, out]


def _exception_class(name: str, mro: list[str], handle: tuple | None = None) -> type:
    for candidate in mro:
        builtin = getattr(builtins, candidate, None)
        if isinstance(builtin, type) and issubclass(builtin, BaseException):
            base = builtin
            break
    else:
        base = Exception
    if base in (KeyboardInterrupt, GeneratorExit):
        base = RuntimeError
    if name == base.__name__:
        return base
    if name == "LinAlgError":
        return np.linalg.LinAlgError
    key = (name, base, (id(handle[0]), handle[1], handle[2]) if handle else None)
    if key not in _exception_classes:
        _exception_classes[key] = type(name, (base,), {"__module__": "learner", "_kata_handle": handle})
    return _exception_classes[key]


def _learner_exception(info: dict, session: Session) -> BaseException:
    judge_error = info.get("judge_error")
    if type(judge_error) is int and 0 <= judge_error < len(session.raised):
        return session.raised[judge_error]  # the check's own exception, re-raised by the learner's code
    name = _short(info.get("type"))[:80] or "Exception"
    mro = [str(m) for m in info.get("mro", [])][:12] if isinstance(info.get("mro"), list) else []
    message = _short(info.get("msg"))[:300]
    klass = info.get("class")
    kind = _exception_class(name, mro or [name], (session, klass, session.generation) if type(klass) is int else None)
    try:
        error = kind(message) if kind is not KeyError else KeyError(message)
    except Exception:
        error = RuntimeError(f"{name}: {message}")
    if isinstance(error, SystemExit):
        error = SystemExit(message)
    frames = [str(f)[:200] for f in info.get("frames", [])][:8] if isinstance(info.get("frames"), list) else []
    error.__kata_frames__ = frames  # the learner's own lines, for the report
    error.__kata_raised_in_learner__ = bool(frames) and bool(info.get("last_in_learner", True))
    for note in (info.get("notes") or [])[:2]:
        error.add_note(_short(note))
    return error


# --- arguments changed in place, aliases, autograd -------------------------------------------------

def _apply_writeback(target: Any, state: Any) -> None:
    torch = sys.modules.get("torch")
    try:
        if isinstance(target, np.ndarray) and isinstance(state, np.ndarray):
            if target.shape == state.shape and target.flags.writeable:
                target[...] = state
        elif torch is not None and isinstance(target, torch.Tensor) and isinstance(state, dict) and "tensor" in state:
            new = state["tensor"]
            with torch.no_grad():
                if tuple(target.shape) == tuple(new.shape):
                    target.copy_(new)
            if target.is_leaf:
                target.grad = state.get("grad")
        elif torch is not None and isinstance(target, torch.nn.Module) and isinstance(state, dict):
            own = target.state_dict(keep_vars=True)
            with torch.no_grad():
                for key, value in state["module"].items():
                    if key in own and tuple(own[key].shape) == tuple(value.shape):
                        own[key].copy_(value)
            params = dict(target.named_parameters())
            for key, param in params.items():
                param.grad = state["grads"].get(key)
            target.train(bool(state.get("training", True)))
        elif isinstance(target, np.random.Generator) and isinstance(state, dict):
            target.bit_generator.state = state["rng"]
        elif isinstance(target, list) and isinstance(state, list):
            _merge_list(target, state)
        elif isinstance(target, dict) and isinstance(state, dict):
            _merge_dict(target, state)
        elif isinstance(target, set) and isinstance(state, set):
            target.clear()
            target.update(state)
        elif isinstance(target, bytearray) and isinstance(state, bytearray):
            target[:] = state
    except Exception:
        pass  # a change the judge cannot mirror leaves its own object as it was


def _the_judges_own(error: BaseException) -> bool:
    """An exception that stops the check itself (pytest's timeout and outcomes, Ctrl-C, exit), not one
    a check's callable raises on purpose for the learner's code to let through (``class Stop(BaseException)``)."""
    from _pytest.outcomes import OutcomeException

    return isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit, OutcomeException))


def _handed_attribute(target: Any, name: str) -> Any:
    """What the jail may read off an object the check handed it: public data and the object's own
    methods, nothing that leads elsewhere in the judge (``f.__globals__``, a module, another object)."""
    if name in ("__name__", "__qualname__"):
        return str(getattr(target, name, type(target).__name__))
    if name.startswith("_") or not name.isidentifier():
        raise AttributeError(f"the grader does not share attribute {name[:40]!r}")
    value = getattr(target, name)
    if isinstance(value, (types.MethodType, types.BuiltinMethodType)) and getattr(value, "__self__", None) is target:
        return value
    if isinstance(value, Remote) or _library_reference(value) is not None:
        return value
    try:
        wire.encode(value)  # plain data only (numbers, strings, containers, arrays, tensors)
    except wire.WireError:
        raise AttributeError(f"the grader does not share {type(target).__name__}.{name}: only data and methods") from None
    return value


def _reemit_warnings(entries: Any) -> None:
    """Warnings the learner's code raised in the jail, raised again here (a check may record them)."""
    import warnings

    for entry in entries[:8] if isinstance(entries, list) else []:
        try:
            name, message = str(entry[0])[:40], str(entry[1])[:200]
        except (TypeError, IndexError):
            continue
        category = getattr(builtins, name, None)
        if not (isinstance(category, type) and issubclass(category, Warning)):
            category = UserWarning
        warnings.warn(message, category, stacklevel=3)


def _snapshots(args: list, kwargs: dict) -> dict:
    import copy

    out = {}
    for key, value in [(str(i), a) for i, a in enumerate(args)] + [(f"k:{k}", v) for k, v in kwargs.items()]:
        if isinstance(value, (list, dict, set, np.ndarray)):
            try:
                out[key] = (value, copy.deepcopy(value))
            except Exception:
                pass
    return out


def _changed_arguments(before: dict, args: list, kwargs: dict) -> dict:
    changed = {}
    for key, (value, copy_) in before.items():
        same = np.array_equal(value, copy_, equal_nan=value.dtype.kind in "fc") if isinstance(value, np.ndarray) \
            else _equal(value, copy_)
        if not same:
            changed[key] = value
    return changed


def _equal(a: Any, b: Any) -> bool:
    """Deep equality of plain data, arrays inside included (``==`` on a dict of arrays raises)."""
    def same_id(value):
        return {"id": id(value)}
    try:
        (tree_a, buffers_a), (tree_b, buffers_b) = wire.encode(a, same_id), wire.encode(b, same_id)
    except Exception:
        return False
    return tree_a == tree_b and buffers_a == buffers_b


def _merge_into(old: Any, new: Any) -> Any:
    """``new``'s value kept in ``old`` itself where both are arrays or containers of one shape."""
    if isinstance(old, np.ndarray) and isinstance(new, np.ndarray) and old.shape == new.shape \
            and old.dtype == new.dtype and old.flags.writeable:
        old[...] = new
        return old
    if type(old) is list and type(new) is list:
        _merge_list(old, new)
        return old
    if type(old) is dict and type(new) is dict:
        _merge_dict(old, new)
        return old
    return new


def _merge_list(target: list, state: list) -> None:
    if len(target) == len(state):
        for i, value in enumerate(state):
            target[i] = _merge_into(target[i], value)
    else:
        target[:] = state


def _merge_dict(target: dict, state: dict) -> None:
    for key in [k for k in target if k not in state]:
        del target[key]
    for key, value in state.items():
        target[key] = _merge_into(target[key], value) if key in target else value


def _view(keyed: dict, body: Any) -> np.ndarray:
    key, offset, shape, strides, dtype = wire._list(body)[:5]
    base = keyed.get(key)
    if not isinstance(base, np.ndarray) or not base.flags.c_contiguous:
        raise wire.WireError("a view of an argument that cannot be rebuilt")
    dtype = wire._dtype(dtype)
    shape, strides = wire._shape(shape), tuple(int(s) for s in wire._list(strides))
    if type(offset) is not int or offset < 0 or len(strides) != len(shape):
        raise wire.WireError("malformed view")
    span = offset + sum((n - 1) * abs(s) for n, s in zip(shape, strides)) + dtype.itemsize if all(shape) else offset
    if span > base.nbytes or any(s < 0 for s in strides):
        raise wire.WireError("a view outside its argument")
    flat = base.reshape(-1).view(np.uint8)
    return np.lib.stride_tricks.as_strided(flat[offset:].view(dtype) if all(shape) else flat[:0].view(dtype),
                                           shape=shape, strides=strides)


def _attach_autograd(session: Session, graph: list, outputs: list, keyed: dict, result: Any) -> Any:
    """Make the judge's copies of the learner's outputs differentiable through the jail's graph."""
    import torch

    graph_key, n_outputs, n_leaves = (int(x) for x in graph[:3])
    inputs = [v for v in _tensors_in(list(keyed.values())) if v.requires_grad]
    if len(inputs) != n_leaves:
        inputs = inputs[:n_leaves]
    anchor = torch.zeros((), requires_grad=True)
    indexed = sorted(outputs, key=lambda pair: pair[0])
    ghost = _JailFunction.apply(session, graph_key, n_outputs, len(inputs), [v for _, v in indexed],
                                anchor, *inputs)
    ghost = ghost if isinstance(ghost, tuple) else (ghost,)
    swap = {id(v): g for (_, v), g in zip(indexed, ghost)}
    return _replace_tensors(result, swap)


def _tensors_in(values: list) -> list:
    torch = sys.modules["torch"]
    out = []
    for value in values:
        if isinstance(value, torch.Tensor):
            out.append(value)
        elif isinstance(value, (list, tuple)):
            out.extend(_tensors_in(list(value)))
        elif isinstance(value, dict):
            out.extend(_tensors_in(list(value.values())))
    return out


def _replace_tensors(value: Any, swap: dict) -> Any:
    if id(value) in swap:
        return swap[id(value)]
    if type(value) is list:
        return [_replace_tensors(v, swap) for v in value]
    if type(value) is tuple:
        return tuple(_replace_tensors(v, swap) for v in value)
    if type(value) is dict:
        return {k: _replace_tensors(v, swap) for k, v in value.items()}
    return value


def _jail_function():
    import torch

    class JailFunction(torch.autograd.Function):
        @staticmethod
        def forward(ctx, session, graph_key, n_outputs, n_inputs, outputs, anchor, *inputs):
            ctx.session, ctx.graph_key, ctx.n_inputs = session, graph_key, n_inputs
            ctx.generation = session.generation
            results = tuple(o.detach().clone() for o in outputs)
            for r, o in zip(results, outputs):
                if not (o.is_floating_point() or o.is_complex()):
                    ctx.mark_non_differentiable(r)
            return results if len(results) != 1 else results[0]

        @staticmethod
        def backward(ctx, *grads):
            session = ctx.session
            if session.generation != ctx.generation or session.sock is None:
                raise LearnerCrash("the run of your code that made this result has ended")
            encoder = session.encoder()
            header = {"op": "backward", "graph": ctx.graph_key, "grads": encoder(list(grads))}
            if active_ban is not None:
                header["ban"] = active_ban["names"]
            session.discount = "torch.autograd.backward"  # the jail's own call of it, once, is not the learner's
            try:
                reply, buffers = session.exchange(header, encoder.buffers)
            finally:
                session.discount = None
            session.note_bans(reply)
            session.apply_sync(reply, buffers)  # the gradients reached the jail's parameters: and our copies
            session.apply_owned(reply, buffers)
            if "err" in reply:
                raise _learner_exception(reply["err"], session)
            leaf_grads = session.decoder(buffers, {}, None)(reply.get("ok"))
            leaf_grads = list(leaf_grads)[:ctx.n_inputs] + [None] * max(0, ctx.n_inputs - len(leaf_grads))
            return (None, None, None, None, None, None, *leaf_grads)

    return JailFunction


class _LazyFunction:
    _fn = None

    def apply(self, *args):
        if self._fn is None:
            self._fn = _jail_function()
        return self._fn.apply(*args)


_JailFunction = _LazyFunction()


# --- handles -----------------------------------------------------------------------------------

class Remote:
    """An object that lives in the jail: every use of it is a request."""

    __slots__ = ("_kata_session", "_kata_id", "_kata_type", "_kata_name", "_kata_flags",
                 "_kata_generation", "__weakref__")

    def __init__(self, session: Session, ident: int, type_name: str, fn_name: str, flags: str):
        object.__setattr__(self, "_kata_session", session)
        object.__setattr__(self, "_kata_id", ident)
        object.__setattr__(self, "_kata_type", type_name)
        object.__setattr__(self, "_kata_name", fn_name)
        object.__setattr__(self, "_kata_flags", flags)
        object.__setattr__(self, "_kata_generation", session.generation)

    def _kata(self, op: str, name: str | None = None, *args, **kwargs):
        return self._kata_session.request(op, self, name, args, kwargs)

    def __getattr__(self, name: str):
        if name.startswith("_kata") or name.startswith("__") and name.endswith("__") and name not in _FORWARDED:
            raise AttributeError(name)
        value = self._kata("getattr", name)
        if isinstance(value, Remote):  # a method of a kata's class: its contract is watched
            from grader import contracts

            owner = self._kata_type.rsplit(".", 1)[-1]
            contract = contracts.contract_of(self._kata_session.topic_id, f"{owner}.{name}")
            if contract is not None:
                return contracts.watched(contract, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        self._kata("setattr", name, value)

    def __delattr__(self, name: str) -> None:
        self._kata("delattr", name)

    def __call__(self, *args, **kwargs):
        contract = self._kata_call_contract()
        if contract is not None:  # module(x) runs forward: its contract is watched, as in process
            from grader import contracts

            return contracts.watched(contract, self._kata_plain_call)(*args, **kwargs)
        return self._kata_plain_call(*args, **kwargs)

    def _kata_plain_call(self, *args, **kwargs):
        return self._kata_session.request("call", self, None, args, kwargs)

    def _kata_call_contract(self):
        """The contract of ``Class.__call__`` or, for a module, ``Class.forward`` (None for a function)."""
        if not self._kata_flags or "c" not in self._kata_flags:
            return None
        from grader import contracts

        owner = self._kata_type.rsplit(".", 1)[-1]
        topic_id = self._kata_session.topic_id
        return contracts.contract_of(topic_id, f"{owner}.__call__") or contracts.contract_of(topic_id, f"{owner}.forward")

    def __repr__(self) -> str:
        return f"<{self._kata_type} {self._kata_name} in the learner's jail>".replace("  ", " ")

    def __str__(self) -> str:
        return str(self._kata("method", "__str__"))

    def __iter__(self):
        return _RemoteIterator(self._kata("method", "__kata_iter__"))

    def __next__(self):
        return self._kata("method", "__next__")

    def __array__(self, dtype=None, copy=None):
        value = self._kata("method", "__array__")
        if isinstance(value, Remote) or (isinstance(value, np.ndarray) and value.dtype == object):
            raise TypeError(f"{type(self).__name__} cannot be read as a numeric array")
        array = np.asarray(value)
        return array.astype(dtype) if dtype is not None else array

    def __hash__(self):
        return self._kata("method", "__hash__")

    def __enter__(self):
        return self._kata("method", "__enter__")

    def __exit__(self, *exc):
        return self._kata("method", "__exit__", None, None, None)


def _forward(name: str):
    def method(self, *args):
        return self._kata("method", name, *args)
    method.__name__ = name
    return method


for _name in ("__len__", "__bool__", "__float__", "__int__", "__index__", "__abs__", "__neg__", "__pos__",
              "__invert__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__sub__",
              "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__matmul__", "__radd__",
              "__rsub__", "__rmul__", "__rtruediv__", "__rpow__", "__rmatmul__", "__rfloordiv__",
              "__getitem__", "__setitem__", "__delitem__", "__contains__", "__and__", "__or__", "__xor__"):
    setattr(Remote, _name, _forward(_name))


_FORWARDED = {"__name__", "__qualname__", "__wrapped__", "__self__", "__func__", "__defaults__", "__kwdefaults__",
              "__annotations__"}
_remote_classes: dict[str, type] = {}


def _remote_class(type_name: str, base: str = "") -> type:
    """A subclass of Remote named like the jail object's type: ``type(got).__name__ == "Action"``.

    Its ``__class__`` is the library class the learner's type derives from (``torch.nn.Module``),
    so ``isinstance(model, nn.Module)`` answers as it would in one process.
    """
    key = (type_name, base)
    if key not in _remote_classes:
        short = type_name.rsplit(".", 1)[-1]
        namespace = {"__slots__": ()}
        library = _library_class(base)
        if library is not None:
            namespace["__class__"] = property(lambda self, _c=library: _c)
        klass = type(short, (Remote,), namespace)
        _remote_classes[key] = klass
    return _remote_classes[key]


def _library_class(dotted: str) -> type | None:
    """A class named by the jail, resolved only among modules the judge has already imported."""
    if not dotted or not dotted.startswith(("torch.", "numpy.", "sklearn.", "collections.", "builtins.")):
        return None
    module_name, _, qualname = dotted.rpartition(".")
    module = sys.modules.get(module_name)  # never import a name the jail chose
    owner: Any = module
    for part in qualname.split("."):
        owner = getattr(owner, part, None)
    return owner if isinstance(owner, type) and owner is not object else None


class _RemoteIterator:
    """Iterates a jail object: chunks of items for a container, one item at a time for an iterator."""

    def __init__(self, state: Any):
        self.items, self.source = list(state[0]), state[1]

    def __iter__(self):
        return self

    def __next__(self):
        if self.items:
            return self.items.pop(0)
        if self.source is None:
            raise StopIteration
        chunk, self.source = self.source._kata("method", "__kata_more__")
        self.items = list(chunk)
        if not self.items:
            raise StopIteration
        return self.items.pop(0)


class _Local:
    """Wraps a judge object that must cross as a callback (an iterator the jail walks)."""

    def __init__(self, value: Any):
        self.value = value


class _LearnerModule:
    """Marker base for the module handle in grader.check (so it can be passed back as the module)."""


def is_instance(value: Any, dotted: str) -> bool:
    """``isinstance(value, <library class named dotted>)`` for a local value or a jail object.

    >>> is_instance(3, "numbers.Integral")
    True
    """
    if isinstance(value, Remote):
        return bool(value._kata("isinstance", dotted))
    import importlib
    module, _, name = dotted.rpartition(".")
    return isinstance(value, getattr(importlib.import_module(module), name))


def new(topic_id_or_remote: Any, dotted: str, *args, **kwargs) -> Any:
    """Build a library object (``torch.optim.SGD``) inside a jail, from data and jail objects."""
    if isinstance(topic_id_or_remote, Remote):
        session_ = topic_id_or_remote._kata_session
    else:
        raise TypeError("new() needs a jail object to know which jail to build in")
    return session_.request("new", None, dotted, args, kwargs)

"""The bridge's data format: plain data by value, everything else by handle; no pickle from the jail.

A message is one frame: an 8-byte length, then a 4-byte JSON header length, the JSON header, and
raw buffers (array and bytes payloads). Values are encoded into a JSON tree whose dicts carry one
tag each, so a reader never builds an object it did not choose::

    [1, (2.0, "x")]             -> {"L": [1, {"T": [2.0, "x"]}]}
    np.arange(3)                -> {"a": ["<i8", [3], 0]}           (dtype, shape, buffer index)
    torch.ones(2)               -> {"t": ["float32", [2], 0, "cpu", false, null]}

Encoding an object that is not plain data is left to the side's ``other`` hook (a handle, a
callback, a reference); decoding a tag that is not plain data is left to its ``tag`` hook. Both
sides share this file; the judge decodes with :data:`SAFE_LIMITS` and rejects what they forbid.

>>> decode(*encode([1, (2.0, "x"), {3: b"y"}]))
[1, (2.0, 'x'), {3: b'y'}]
"""
from __future__ import annotations

import collections
import json
import math
import socket
import struct
import sys
from typing import Any, Callable

import numpy as np

MAX_FRAME = 512 * 1024 * 1024  # bytes in one message
MAX_DEPTH = 64
MAX_ITEMS = 2_000_000  # tagged values in one message

# dtypes that may cross (no object, void or structured dtypes)
NUMPY_KINDS = set("biufcmMUS")  # bool, int, uint, float, complex, timedelta, datetime, str, bytes
TORCH_DTYPES = ("float64", "float32", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8",
                "bool", "complex64", "complex128", "uint16", "uint32", "uint64")


import builtins as _builtins

BUILTIN_TYPES = {t.__name__: t for t in (int, float, str, bool, bytes, list, dict, tuple, set, frozenset,
                                         complex, object, type(None), bytearray, slice, range)}
BUILTIN_TYPES.update({name: kind for name, kind in vars(_builtins).items()
                      if isinstance(kind, type) and issubclass(kind, BaseException)})


class WireError(Exception):
    """A message that breaks the format (too big, too deep, an unknown tag, a forbidden dtype)."""


def _torch():
    return sys.modules.get("torch")


class Encoder:
    """Turns a value into (tree, buffers); ``other(value)`` encodes what is not plain data."""

    def __init__(self, other: Callable[[Any], Any], tensor_hook: Callable[[Any, list], Any] | None = None,
                 pre: Callable[[Any], Any] | None = None):
        self.other = other
        self.tensor_hook = tensor_hook  # (tensor, fields) -> fields, to add autograd keys
        self.pre = pre  # value -> tree or None: a side's own encoding that goes first (aliases)
        self.buffers: list[bytes] = []

    def buffer(self, data) -> int:
        self.buffers.append(bytes(data))
        return len(self.buffers) - 1

    def __call__(self, value: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply to send")
        if self.pre is not None:
            tree = self.pre(value)
            if tree is not None:
                return tree
        kind = type(value)
        if value is None or kind is bool or kind is str:
            return value
        if kind is int:
            return value if abs(value) < 2**53 else {"i": str(value)}
        if kind is float:
            return value if math.isfinite(value) else {"f": repr(value)}
        if kind is complex:
            return {"c": [self(value.real), self(value.imag)]}
        if kind is bytes:
            return {"b": self.buffer(value)}
        if kind is bytearray:
            return {"ba": self.buffer(value)}
        if kind is list:
            return {"L": [self(v, depth + 1) for v in value]}
        if kind is tuple:
            return {"T": [self(v, depth + 1) for v in value]}
        if kind is dict:
            return {"D": [[self(k, depth + 1), self(v, depth + 1)] for k, v in value.items()]}
        if kind is set:
            return {"S": [self(v, depth + 1) for v in value]}
        if kind in (collections.OrderedDict, collections.Counter, collections.defaultdict):
            tag = {collections.OrderedDict: "OD", collections.Counter: "C", collections.defaultdict: "DD"}[kind]
            return {tag: [[self(k, depth + 1), self(v, depth + 1)] for k, v in value.items()]}
        if kind is type and value.__name__ in BUILTIN_TYPES and BUILTIN_TYPES[value.__name__] is value:
            return {"ty": value.__name__}
        if kind is frozenset:
            return {"F": [self(v, depth + 1) for v in value]}
        if kind is slice:
            return {"sl": [self(value.start), self(value.stop), self(value.step)]}
        if kind is range:
            return {"rg": [value.start, value.stop, value.step]}
        if value is Ellipsis:
            return {"E": 1}
        if kind is np.ndarray and value.dtype.kind in NUMPY_KINDS:
            array = np.ascontiguousarray(value)
            fields = [array.dtype.str, list(array.shape), self.buffer(array.tobytes())]
            layout = _layout(value)
            if layout is not None:  # a Fortran-ordered array or a strided view stays one on the other side
                fields.append(layout)
            return {"a": fields}
        if isinstance(value, np.generic) and kind.__module__ == "numpy" and value.dtype.kind in NUMPY_KINDS:
            return {"n": [value.dtype.str, self.buffer(value.tobytes())]}
        if isinstance(value, np.dtype):
            return {"nd": value.str} if value.kind in NUMPY_KINDS and value.fields is None else self.other(value)
        torch = _torch()
        if torch is not None:
            if kind in (torch.Tensor, torch.nn.Parameter):
                return {"t": self.tensor(value)}
            if kind is torch.dtype:
                return {"td": str(value).removeprefix("torch.")}
            if kind is torch.device:
                return {"dv": str(value)}
            if kind is torch.Size:
                return {"ts": list(value)}
        return self.other(value)

    def tensor(self, value) -> list:
        torch = _torch()
        data = value.detach()
        if data.is_sparse or data.layout != torch.strided:
            data = data.to_dense()
        dtype = str(data.dtype).removeprefix("torch.")
        if dtype not in TORCH_DTYPES:
            raise WireError(f"tensors of dtype {dtype} cannot be sent")
        device = str(data.device)
        if device == "meta":  # shape and dtype only: a meta tensor has no values to send
            host, payload = data, b""
        else:
            host = data.cpu().contiguous()
            raw = host.view(torch.int16) if host.dtype == torch.bfloat16 else host
            payload = raw.numpy().tobytes() if host.numel() else b""
        fields = [dtype, list(host.shape), self.buffer(payload), device, bool(value.requires_grad),
                  type(value) is torch.nn.Parameter, {}]
        if value.is_leaf and value.requires_grad and value.grad is not None:
            fields[6]["grad"] = self(value.grad)
        if self.tensor_hook is not None:
            fields = self.tensor_hook(value, fields)
        return fields


class Decoder:
    """Turns (tree, buffers) back into values; ``tag(name, body)`` decodes the side's own tags."""

    def __init__(self, buffers: list[memoryview], tag: Callable[[str, Any], Any]):
        self.buffers = buffers
        self.tag = tag
        self.count = 0

    def buffer(self, index: Any) -> memoryview:
        if type(index) is not int or not 0 <= index < len(self.buffers):
            raise WireError("a value names a buffer that is not in the message")
        return self.buffers[index]

    def __call__(self, tree: Any, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_ITEMS or depth > MAX_DEPTH:
            raise WireError("message holds too many or too deeply nested values")
        kind = type(tree)
        if tree is None or kind in (bool, int, float, str):
            return tree
        if kind is not dict or len(tree) != 1:
            raise WireError("malformed value")
        (name, body), = tree.items()
        d = lambda v: self(v, depth + 1)  # noqa: E731
        if name == "i":
            return int(_str(body)[:5000])
        if name == "f":
            return float(_str(body))
        if name == "c":
            return complex(float(body[0]), float(body[1]))
        if name == "b":
            return bytes(self.buffer(body))
        if name == "ba":
            return bytearray(self.buffer(body))
        if name in ("L", "T", "S", "F"):
            items = [d(v) for v in _list(body)]
            return {"L": list, "T": tuple, "S": set, "F": frozenset}[name](items)
        if name == "D":
            return {d(k): d(v) for k, v in (_pair(p) for p in _list(body))}
        if name in ("OD", "C", "DD"):
            kind = {"OD": collections.OrderedDict, "C": collections.Counter, "DD": dict}[name]
            return kind((d(k), d(v)) for k, v in (_pair(p) for p in _list(body)))
        if name == "ty":
            if body not in BUILTIN_TYPES:
                raise WireError("unknown type")
            return BUILTIN_TYPES[body]
        if name == "sl":
            return slice(*(d(v) for v in _list(body)[:3]))
        if name == "rg":
            return range(*(int(v) for v in _list(body)[:3]))
        if name == "E":
            return Ellipsis
        if name == "a":
            dtype, shape, index = _list(body)[:3]
            array = _array(self.buffer(index), _dtype(dtype), _shape(shape))
            return _with_layout(array, body[3]) if len(body) > 3 else array
        if name == "n":
            dtype, index = _list(body)[:2]
            return _array(self.buffer(index), _dtype(dtype), ())[()]
        if name == "nd":
            return _dtype(body)
        if name == "t":
            return self.tensor(_list(body))
        if name == "td":
            return _torch_dtype(body)
        if name == "dv":
            return _torch().device(_str(body)[:32])
        if name == "ts":
            return _torch().Size(_shape(body))
        return self.tag(name, body)

    def tensor(self, fields: list):
        torch = _torch()
        if torch is None:
            raise WireError("a tensor arrived but torch is not loaded")
        dtype, shape, index, device, requires_grad = fields[:5]
        dtype = _torch_dtype(dtype)
        shape = _shape(shape)
        raw = self.buffer(index)
        size = math.prod(shape)
        carrier = torch.int16 if dtype == torch.bfloat16 else dtype
        if _str(device) == "meta":
            tensor = torch.empty(shape, dtype=dtype, device="meta")
        elif size == 0:
            tensor = torch.empty(shape, dtype=dtype)
        else:
            expected = size * torch.empty((), dtype=carrier).element_size()
            if len(raw) != expected:
                raise WireError("tensor buffer has the wrong size")
            tensor = torch.frombuffer(bytearray(raw), dtype=carrier).reshape(shape)
            if carrier is not dtype:
                tensor = tensor.view(dtype)
        device = _str(device)[:32]
        if device not in ("cpu", "meta"):
            try:
                tensor = tensor.to(device)
            except Exception:
                pass  # the judge's machine may lack the device: keep the values on the CPU
        if requires_grad is True and (tensor.is_floating_point() or tensor.is_complex()):
            tensor.requires_grad_(True)
        if len(fields) > 5 and fields[5] is True:
            tensor = torch.nn.Parameter(tensor, requires_grad=bool(requires_grad))
        extras = fields[6] if len(fields) > 6 and type(fields[6]) is dict else {}
        if "grad" in extras and tensor.requires_grad:
            grad = self(extras["grad"])
            if isinstance(grad, torch.Tensor) and tuple(grad.shape) == tuple(tensor.shape):
                tensor.grad = grad
        return tensor


def _str(value: Any) -> str:
    if type(value) is not str:
        raise WireError("malformed value")
    return value


def _list(value: Any) -> list:
    if type(value) is not list:
        raise WireError("malformed value")
    return value


def _pair(value: Any) -> tuple:
    if type(value) is not list or len(value) != 2:
        raise WireError("malformed value")
    return value[0], value[1]


def _shape(value: Any) -> tuple[int, ...]:
    shape = tuple(_list(value))
    if len(shape) > 32 or any(type(n) is not int or n < 0 for n in shape) or math.prod(shape) > MAX_FRAME:
        raise WireError("malformed shape")
    return shape


def _dtype(text: Any) -> np.dtype:
    try:
        dtype = np.dtype(_str(text)[:16])
    except TypeError:
        raise WireError("unknown dtype") from None
    if dtype.kind not in NUMPY_KINDS or dtype.fields is not None:
        raise WireError(f"dtype {dtype} cannot be sent")
    return dtype


def _torch_dtype(name: Any):
    if _str(name) not in TORCH_DTYPES or _torch() is None:
        raise WireError("unknown tensor dtype")
    return getattr(_torch(), name)


def _layout(value: np.ndarray) -> list | None:
    """The strides of a non-C-contiguous array, in elements, when they can be rebuilt cheaply."""
    if value.flags.c_contiguous or value.size == 0 or value.ndim == 0:
        return None
    item = value.itemsize
    if any(s <= 0 or s % item for s in value.strides):
        return None
    strides = [s // item for s in value.strides]
    span = 1 + sum((n - 1) * s for n, s in zip(value.shape, strides))
    return strides if span <= 4 * value.size else None


def _with_layout(array: np.ndarray, strides: Any) -> np.ndarray:
    strides = tuple(_list(strides))
    if len(strides) != array.ndim or any(type(s) is not int or s <= 0 for s in strides):
        raise WireError("malformed array layout")
    span = 1 + sum((n - 1) * s for n, s in zip(array.shape, strides))
    if span > 4 * max(1, array.size):
        raise WireError("array layout too sparse")
    base = np.zeros(span, dtype=array.dtype)
    view = np.lib.stride_tricks.as_strided(base, array.shape, tuple(s * array.itemsize for s in strides))
    view[...] = array
    return view


def _array(raw: memoryview, dtype: np.dtype, shape: tuple[int, ...]) -> np.ndarray:
    count = math.prod(shape)
    if len(raw) != count * dtype.itemsize:
        raise WireError("array buffer has the wrong size")
    return np.frombuffer(raw, dtype=dtype, count=count).reshape(shape).copy()


# --- frames ------------------------------------------------------------------------------------

def encode(value: Any, other: Callable[[Any], Any] | None = None) -> tuple[Any, list[bytes]]:
    """(tree, buffers) for ``value``; without ``other`` a value that is not plain data is an error."""
    def refuse(v):
        raise WireError(f"a {type(v).__name__} cannot be sent by value")
    encoder = Encoder(other or refuse)
    return encoder(value), encoder.buffers


def decode(tree: Any, buffers: list, tag: Callable[[str, Any], Any] | None = None) -> Any:
    def refuse(name, body):
        raise WireError(f"unknown tag {name!r}")
    return Decoder([memoryview(b) for b in buffers], tag or refuse)(tree)


def pack(header: dict, buffers: list[bytes]) -> bytes:
    head = json.dumps(header, separators=(",", ":")).encode()
    lengths = struct.pack(f"<I{len(buffers)}Q", len(buffers), *(len(b) for b in buffers))
    body = b"".join([struct.pack("<I", len(head)), head, lengths, *buffers])
    if len(body) > MAX_FRAME:
        raise WireError("message too large to send")
    return struct.pack("<Q", len(body)) + body


def unpack(body: bytes, max_header: int = 64 * 1024 * 1024) -> tuple[dict, list[memoryview]]:
    view = memoryview(body)
    if len(view) < 8:
        raise WireError("short message")
    (head_len,) = struct.unpack_from("<I", view, 0)
    if head_len > min(max_header, len(view) - 8):
        raise WireError("message header too long")
    try:
        header = json.loads(bytes(view[4:4 + head_len]))
    except (ValueError, RecursionError):
        raise WireError("message header is not valid JSON") from None
    if type(header) is not dict:
        raise WireError("message header is not an object")
    at = 4 + head_len
    (count,) = struct.unpack_from("<I", view, at)
    at += 4
    if count > 1_000_000 or at + 8 * count > len(view):
        raise WireError("malformed buffer table")
    lengths = struct.unpack_from(f"<{count}Q", view, at)
    at += 8 * count
    buffers = []
    for length in lengths:
        if at + length > len(view):
            raise WireError("buffer runs past the end of the message")
        buffers.append(view[at:at + length])
        at += length
    return header, buffers


def send(sock: socket.socket, header: dict, buffers: list[bytes] = ()) -> None:
    sock.sendall(pack(header, list(buffers)))


def recv(sock: socket.socket, limit: int = MAX_FRAME) -> bytes:
    """One frame's body; raises EOFError when the peer is gone, WireError when it is too big."""
    size = _exactly(sock, 8)
    (length,) = struct.unpack("<Q", size)
    if length > limit:
        raise WireError("message too large")
    return _exactly(sock, length)


def _exactly(sock: socket.socket, n: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < n:
        chunk = sock.recv(min(n - len(chunks), 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the bridge")
        chunks += chunk
    return bytes(chunks)


def nested_arguments(keyed, limit: int = 1000) -> list:
    """``(key, value)`` of the arguments and of the items of the lists, tuples and dicts among them,
    keyed ``"0/2"`` (item 2 of argument 0), so a result holding the caller's own arrays is told apart
    from one holding copies. Both sides of the bridge walk the same values in the same order.

    >>> [k for k, _ in nested_arguments([("0", [1, [2]]), ("k:x", {"a": 3})])]
    ['0', '0/0', '0/1', '0/1/0', 'k:x', 'k:x/0']
    """
    out = []

    def walk(key, value, depth):
        if len(out) >= limit:
            return
        out.append((key, value))
        if depth >= 2:
            return
        items = list(value.values()) if type(value) is dict else value if type(value) in (list, tuple) else ()
        for i, item in enumerate(items[:limit]):
            walk(f"{key}/{i}", item, depth + 1)

    for key, value in keyed:
        walk(key, value, 0)
    return out


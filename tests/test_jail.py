"""The bridge and the jail, piece by piece: the format is data only, the jail package stands alone,
and the walls hold (files, network, signals, processes) when the learner's code pushes on them."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from grader.jail import wire

JAIL = Path(__file__).resolve().parent.parent / "grader" / "jail"
REPO = JAIL.parent.parent


def test_the_jail_package_imports_nothing_from_the_judge_side():
    for path in sorted(JAIL.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else ["(relative)"]
            for name in names:
                assert not (name == "grader" or name.startswith("grader.")) or name.startswith("grader.jail"), \
                    f"{path.name} imports {name}: the jail side must not import the judge"


@pytest.mark.parametrize("value", [
    None, True, 3, 2**80, -1.5, float("inf"), 1 + 2j, "text", b"\x00bytes", bytearray(b"ab"),
    [1, (2, 3)], {"a": [1], 3: {4}}, frozenset({1, 2}), slice(1, None, 2), Ellipsis, range(2, 9, 3),
    np.arange(12, dtype=np.int32).reshape(3, 4), np.float32(1.5), np.bool_(True), np.dtype("<f8"),
    torch.arange(6, dtype=torch.float64).reshape(2, 3), torch.ones(2, dtype=torch.bfloat16), torch.int64,
    torch.device("cpu"), torch.Size([2, 3]), int, ValueError, torch.empty(4, 3, dtype=torch.float16, device="meta"),
], ids=lambda v: type(v).__name__)
def test_plain_data_round_trips_with_its_type(value):
    got = wire.decode(*wire.encode(value))
    assert type(got) is type(value)
    if isinstance(value, np.ndarray):
        assert got.dtype == value.dtype and np.array_equal(got, value)
    elif isinstance(value, torch.Tensor) and value.is_meta:  # no values: its device, dtype and shape
        assert got.is_meta and got.dtype == value.dtype and got.shape == value.shape
    elif isinstance(value, torch.Tensor):
        assert got.dtype == value.dtype and torch.equal(got, value)
    else:
        assert got == value or (value is Ellipsis and got is Ellipsis)


def test_a_message_that_is_not_data_is_refused():
    for tree in ({"pk": 0}, {"zz": 1}, {"a": ["|O", [1], 0]}, {"L": [1], "T": [2]}, {"a": ["<f8", [10**9], 0]}):
        with pytest.raises(wire.WireError):
            wire.decode(tree, [b"\x00" * 8])
    with pytest.raises(wire.WireError):
        wire.unpack(b"\xff\xff\xff\x7f" + b"{}")
    with pytest.raises(wire.WireError):
        wire.encode(object())


def _run_jailed(source: str, tmp_path: Path) -> dict:
    """Grade a one-kata module whose lu_solve reports what its probes saw (as its error message)."""
    folder = tmp_path / "sub" / "linear_algebra"
    folder.mkdir(parents=True)
    (folder / "linear_algebra.py").write_text(source, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "grader", "grade", "--topic", "linear_algebra", "--target",
                           str(tmp_path / "sub"), "--format", "json", "--check-timeout", "20"],
                          cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    topic = json.loads(done.stdout)["topics"][0]
    message = next(c["message"] for c in topic["checks"] if c["exercise"] == "lu_solve")
    return json.loads(message.split("PROBES ", 1)[1].split(" (at ", 1)[0])


PROBES = '''
import json, os, signal, socket, subprocess
R = {}
def probe(name, fn):
    try:
        fn()
        R[name] = "allowed"
    except BaseException as error:
        R[name] = type(error).__name__
probe("read_solutions", lambda: open(%(solution)r).read())
probe("read_checks", lambda: open(%(checks)r).read())
probe("write_repo", lambda: open(%(repo)r + "/grader/planted.txt", "w"))
probe("write_tmp", lambda: open("/tmp/kata-planted.txt", "w"))
probe("write_home", lambda: open(os.path.expanduser("~/scratch.txt"), "w").write("ok"))
probe("tcp_socket", lambda: socket.create_connection(("127.0.0.1", 9), timeout=1))
probe("unix_socket", lambda: socket.socket(socket.AF_UNIX))
probe("signal_parent", lambda: os.kill(os.getppid(), 0))
probe("signal_init", lambda: os.kill(1, 0))
probe("list_proc", lambda: os.listdir("/proc/1/fd"))
probe("unshare", lambda: os.unshare(os.CLONE_NEWUSER))
def lu_solve(A, b):  # the message is cut to one short line: name only what got through
    raise ValueError("PROBES " + json.dumps(sorted(k for k, v in R.items() if v == "allowed")))
'''


def test_the_walls_hold_against_a_probing_module(tmp_path):
    seen = _run_jailed(PROBES % {"solution": str(REPO / "solutions/linear_algebra/linear_algebra.py"),
                                 "checks": str(REPO / "grader/checks/linear_algebra.py"), "repo": str(REPO)},
                       tmp_path)
    assert seen == ["write_home"], f"only the jail's own scratch folder may be reached, but these got through: {seen}"
    assert not (REPO / "grader" / "planted.txt").exists() and not Path("/tmp/kata-planted.txt").exists()


SENTINEL_PROBE = r'''
import socket, sys, torch
from grader.jail import sentinel
judge, jail = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
sentinel.arm(%(names)r, fd=jail.fileno())
x = torch.randn(3, 4)
for name, call in %(calls)s:
    call(x)
    judge.setblocking(False)
    try:
        heard = judge.recv(200).decode()
    except BlockingIOError:
        heard = ""
    print(name, "->", heard or "unseen", flush=True)
'''


def test_the_sentinel_sees_every_public_name_of_a_banned_torch_operation():
    calls = ("[('torch.ops.aten.layer_norm', lambda x: torch.ops.aten.layer_norm(x, [4])),"
             " ('torch.ops.aten.layer_norm.default', lambda x: torch.ops.aten.layer_norm.default(x, [4])),"
             " ('torch.layer_norm', lambda x: torch.layer_norm(x, [4])),"
             " ('torch.native_layer_norm', lambda x: torch.native_layer_norm(x, [4], None, None, 1e-5)),"
             " ('torch.relu', lambda x: torch.relu(x))]")
    done = subprocess.run([sys.executable, "-c", SENTINEL_PROBE % {"names": ["torch.nn.functional.layer_norm"],
                                                                   "calls": calls}],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    lines = dict(line.split(" -> ") for line in done.stdout.splitlines() if " -> " in line)
    assert len(lines) == 5, done.stdout + done.stderr[-2000:]
    assert lines.pop("torch.relu") == "unseen", "a call of another operation was reported as banned"
    unseen = [name for name, heard in lines.items() if heard == "unseen"]
    assert not unseen, f"the sentinel missed the banned layer norm reached as {unseen}"

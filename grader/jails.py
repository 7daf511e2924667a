"""The judge's end of the jail service: one zygote per grading process, started before the checks.

:func:`start_zygote` launches ``python -m grader.jail.zygote`` in a fresh interpreter (it never
imports the judge or the checks) with its socket in a private folder; judge processes forked
afterwards reach it through :func:`zygote_path`. It is stopped when this process exits.
"""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from grader.jail import sandbox

TAG = os.environ.get("KATA_JAIL_TAG", "1")  # every jailed process carries KATA_JAIL=<TAG>

_process: subprocess.Popen | None = None
_folder: Path | None = None
_modules: tuple[str, ...] = ()


def start_zygote(modules: list[str]) -> None:
    """Start the zygote if it is not running, or restart it when it needs more libraries."""
    global _process, _folder, _modules
    wanted = tuple(sorted(set(modules) | set(_modules)))
    if _process is not None and _process.poll() is None:
        if not set(wanted) <= set(_modules):  # a running zygote imports the new ones itself
            _ask({"op": "preload", "modules": sorted(set(wanted) - set(_modules))})
            _modules = wanted
        return
    stop_zygote()
    _folder = Path(tempfile.mkdtemp(prefix="kata-zygote-"))
    os.chmod(_folder, 0o700)
    package_root = Path(__file__).resolve().parent.parent
    # one BLAS/OpenMP thread, fixed before the libraries load: a jail may not start threads
    env = dict(os.environ, PYTHONPATH=str(package_root), PYTHONDONTWRITEBYTECODE="1",
               OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    _process = subprocess.Popen(
        [sys.executable, "-m", "grader.jail.zygote", str(_folder / "zygote.sock"), *wanted],
        cwd=_folder, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _modules = wanted
    _wait_for_socket(_folder / "zygote.sock")


def _ask(message: dict) -> dict:
    import json
    import socket
    import struct

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(zygote_path())
        body = json.dumps(message).encode()
        sock.sendall(struct.pack("<I", len(body)) + body)
        head = sock.recv(4, socket.MSG_WAITALL)
        return json.loads(sock.recv(struct.unpack("<I", head)[0], socket.MSG_WAITALL)) if len(head) == 4 else {}


def _wait_for_socket(path: Path) -> None:
    import time

    deadline = time.monotonic() + 30
    while not path.exists():
        if _process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("the grader's jail service did not start")
        time.sleep(0.01)


def zygote_path() -> str:
    if _folder is None:
        raise RuntimeError("no jail service: call start_zygote first")
    return str(_folder / "zygote.sock")


def stop_zygote() -> None:
    global _process, _folder
    if _process is not None:
        if _process.poll() is None:
            _process.terminate()  # the zygote has every jail clean up, then exits
            try:
                _process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _process.kill()
        _process.wait()
        _process = None
    if _folder is not None:
        shutil.rmtree(_folder, ignore_errors=True)
        _folder = None


def missing_protections() -> list[str]:
    return sandbox.missing(as_root=os.geteuid() == 0)


atexit.register(stop_zygote)

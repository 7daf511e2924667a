"""The preloaded process that forks jails: ``python -m grader.jail.zygote SOCKET_PATH MODULES...``.

It imports the heavy libraries once (numpy, torch, scikit-learn, ...) and nothing of the judge,
then listens on a Unix socket in a private folder. A judge asks it for a jail by sending the
socket end the jail will serve on (SCM_RIGHTS) with a JSON request; the zygote forks:

    zygote ── jail init (setsid, child subreaper, the jail's own uid when root)
                 └── runner (limits, Landlock, seccomp; imports the learner's module, serves)

When the runner ends, or the judge asks, or the judge's connection closes, the init kills every
process the runner started (double forks and setsid included: they are reparented to the init,
or share the jail's uid), reports how the runner ended, and exits.
"""
from __future__ import annotations

import importlib
import json
import os
import selectors
import shutil
import signal
import socket
import struct
import sys
import tempfile
from pathlib import Path

from grader.jail import sandbox, sentinel, wire

JAIL_UID_BASE = 200_000  # as root, each jail runs as JAIL_UID_BASE + its init's pid
JAIL_ENV_TAG = "KATA_JAIL"  # every jailed process carries it, so tests can look for leftovers


def preload(modules: list[str]) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            pass
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)
    importlib.import_module("grader.jail.server")
    importlib.import_module("grader.jail.fixtures")
    import gc
    gc.collect()
    gc.freeze()


# --- the jail --------------------------------------------------------------------------------

def describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGSEGV:
            return "crashed with a segmentation fault"
        if sig == signal.SIGKILL:
            return "was killed (out of memory?)"
        if sig == signal.SIGXCPU:
            return "used up its CPU time"
        return f"was killed by signal {signal.Signals(sig).name}"
    return f"ended the process with exit code {os.WEXITSTATUS(status)}: don't call os._exit or exit()"


def _children_of(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
                if int(fields[1]) == pid:
                    kids.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def _kill_everything(own_uid: bool) -> None:
    """Kill every process the runner left behind; they are our children (subreaper) or share our uid."""
    me = os.getpid()
    for _ in range(10_000):
        if own_uid:
            try:
                os.kill(-1, signal.SIGKILL)  # every process of this jail's uid but ourselves
            except ProcessLookupError:
                pass
        for kid in _children_of(me):
            try:
                os.kill(kid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            while True:
                pid, _ = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
        except ChildProcessError:
            if not own_uid or not _any_process_of(os.getuid()):
                return


def _any_process_of(uid: int) -> bool:
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != me:
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    return True
            except OSError:
                pass
    return False


def jail_init(channel: socket.socket, request: dict, hits: int | None = None) -> None:
    """Runs in the forked init; never returns."""
    code = 0
    try:
        os.setsid()
        sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
        sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
        as_root = os.geteuid() == 0
        uid = JAIL_UID_BASE + os.getpid() if as_root else os.getuid()
        scratch = Path(tempfile.mkdtemp(prefix="kata-jail-"))
        source = Path(request["module"])
        private = scratch / "submission" / source.name
        private.parent.mkdir()
        if source.is_file() and not source.is_symlink() and source.stat().st_size <= request.get("max_module_bytes", 4 << 20):
            shutil.copyfile(source, private)
        home = scratch / "home"
        home.mkdir()
        if as_root:
            for path in (scratch, private.parent, home):
                os.chown(path, uid, uid)
            request["mounts"] = sandbox.private_mounts(sandbox.read_paths(), str(home),
                                                       request.get("scratch_bytes", 256 << 20), uid)
            sandbox.drop_to(uid)
        processes = request.get("processes", 64) + (0 if as_root else sandbox.processes_of_current_uid())
        runner = os.fork()
        if runner == 0:
            _runner(channel, request, scratch, private, home, processes, hits)
        if hits is not None:
            os.close(hits)
        stop = []
        signal.signal(signal.SIGTERM, lambda *_: (stop.append(1), _kill_quiet(runner)))
        status = 0
        while True:
            try:
                pid, status = os.waitpid(runner, 0)
                break
            except ChildProcessError:
                status = 0
                break
            except InterruptedError:
                continue
        _kill_everything(own_uid=as_root)
        if not stop:
            try:
                wire.send(channel, {"exit": describe_exit(status)})
            except OSError:
                pass
        shutil.rmtree(scratch, ignore_errors=True)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _kill_quiet(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _runner(channel: socket.socket, request: dict, scratch: Path, private: Path, home: Path, processes: int,
            hits: int | None) -> None:
    """Runs in the forked runner: wall it in, arm the bans, then serve the judge; never returns."""
    try:
        if hits is not None:  # the ban channel, on the one descriptor seccomp keeps in place
            os.dup2(hits, sentinel.HIT_FD, inheritable=False)
            os.close(hits)
        sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
        try:
            with open("/proc/self/oom_score_adj", "w") as adj:
                adj.write("1000")  # the OOM killer takes the learner's code first
        except OSError:
            pass
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.environ.clear()
        os.environ.update({"HOME": str(home), "TMPDIR": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                           "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                           JAIL_ENV_TAG: request.get("tag", "1")})
        os.chdir(home)
        tempfile.tempdir = str(home)
        sys.dont_write_bytecode = True
        sandbox.apply_landlock(sandbox.read_paths([str(private.parent)]), [str(home)])
        sandbox.apply_seccomp(guarded_fd=sentinel.HIT_FD if hits is not None else None)
        memory = request.get("memory_mb")
        sandbox.set_limits(sandbox.address_space_now() + memory * 1024 * 1024 if memory else None,
                           processes=processes, open_files=request.get("open_files", 256),
                           file_bytes=request.get("file_bytes", 64 << 20),
                           cpu_seconds=request.get("cpu_seconds", 600))
        from grader.jail.server import Server

        if hits is not None:
            sentinel.arm([str(n) for n in request.get("banned", [])][:200])
        Server(channel, private, request.get("name", "kata_submission")).serve()
    except BaseException:
        pass
    finally:
        os._exit(0)


# --- the zygote's loop ---------------------------------------------------------------------------

def _recv_request(conn: socket.socket) -> tuple[dict, list[int]] | None:
    head = b""
    fds: list[int] = []
    while len(head) < 4:
        data, ancillary, _, _ = conn.recvmsg(4 - len(head), socket.CMSG_SPACE(4 * 4))
        if not data:
            return None
        head += data
        fds += _fds(ancillary)
    (length,) = struct.unpack("<I", head)
    body = b""
    while len(body) < length:
        data, ancillary, _, _ = conn.recvmsg(length - len(body), socket.CMSG_SPACE(4 * 4))
        if not data:
            return None
        body += data
        fds += _fds(ancillary)
    return json.loads(body), fds


def _fds(ancillary) -> list[int]:
    out = []
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            out += list(struct.unpack(f"<{len(data) // 4}i", data[: len(data) - len(data) % 4]))
    return out


def _reply(conn: socket.socket, message: dict) -> None:
    body = json.dumps(message).encode()
    conn.sendall(struct.pack("<I", len(body)) + body)


def listen(path: str) -> socket.socket:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o600)
    listener.listen(64)
    return listener


def serve(listener: socket.socket) -> None:
    sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)  # orphans of a jail whose init died come here
    sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    owned: dict[socket.socket, set[int]] = {}  # judge connection -> its jails' init pids

    def kill_jail(pid: int) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass

    while not stopping:
        for key, _ in selector.select(timeout=1.0):
            if key.fileobj is listener:
                conn, _ = listener.accept()
                selector.register(conn, selectors.EVENT_READ)
                owned[conn] = set()
                continue
            conn = key.fileobj
            try:
                got = _recv_request(conn)
            except (OSError, ValueError):
                got = None
            if got is None:
                selector.unregister(conn)
                for pid in owned.pop(conn, set()):
                    kill_jail(pid)
                conn.close()
                continue
            request, fds = got
            if request.get("op") == "spawn" and len(fds) in (1, 2):
                channel = socket.socket(fileno=fds[0])
                hits = fds[1] if len(fds) == 2 else None  # a jail that bans names: its ban channel
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    for other in owned:
                        other.close()
                    conn.close()
                    jail_init(channel, request, hits)
                channel.close()
                if hits is not None:
                    os.close(hits)
                owned[conn].add(pid)
                _reply(conn, {"pid": pid})
            elif request.get("op") == "preload":  # more libraries for later jails, without a restart
                preload([str(m) for m in request.get("modules", [])][:500])
                _reply(conn, {"ok": True})
            elif request.get("op") == "kill":
                pid = int(request.get("pid", 0))
                if pid in owned[conn]:
                    kill_jail(pid)
                    owned[conn].discard(pid)
                _reply(conn, {"ok": True})
            else:
                for fd in fds:
                    os.close(fd)
                _reply(conn, {"error": "unknown request"})
        try:
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        except ChildProcessError:
            pass
    _stop_all([pid for pids in owned.values() for pid in pids])


def _stop_all(pids: list[int]) -> None:
    """Ask every jail's init to clean up, then wait for them (and any orphan) to be gone."""
    import time

    for pid in pids:
        _kill_quiet_term(pid)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.02)
    for kid in _children_of(os.getpid()):
        _kill_quiet(kid)
    os._exit(0)


def _kill_quiet_term(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass


def main(argv: list[str]) -> None:
    path, *modules = argv
    listener = listen(path)  # judges may connect now; their requests wait until the libraries are in
    preload(modules)
    serve(listener)


if __name__ == "__main__":
    main(sys.argv[1:])

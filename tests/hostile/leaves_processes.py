"""Leaves processes behind: a setsid() child, a double fork, a burst of 200 forks, and a `sleep`
started in a new session with an empty environment (so it carries no tag). Each sleeps at most
90 s, so even a leak ends by itself. Once per jail. Implements nothing: must score 0, and nothing
may be left running when the grader exits.
"""
import ctypes
import os
import subprocess
import time

HOSTILE = globals().get("HOSTILE", {"token": "t"})
SLEEP = 90
_done = []  # what it started, once per jail


def _name(text):
    try:
        ctypes.CDLL(None).prctl(15, text.encode()[:15], 0, 0, 0)  # PR_SET_NAME: /proc/<pid>/comm
    except BaseException:
        pass


def _linger(name):
    _name(name)
    end = time.monotonic() + SLEEP
    while time.monotonic() < end:
        time.sleep(1)
    os._exit(0)


def _fork(body):
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid == 0:
        try:
            body()
        finally:
            os._exit(0)
    return True


def _setsid():
    os.setsid()
    _linger("kh-setsid")


def _double():
    if os.fork() == 0:
        os.setsid()
        _linger("kh-double")
    os._exit(0)


def _spread():
    if _done:
        return _done[0]
    started = [_fork(_setsid), _fork(_double)]
    try:
        subprocess.Popen(["/bin/sleep", str(SLEEP)], env={}, start_new_session=True)  # fds 0-2 are /dev/null
        started.append(True)
    except OSError:
        started.append(False)
    burst = 0
    for _ in range(200):  # bounded burst
        if not _fork(lambda: _linger("kh-burst")):
            break
        burst += 1
    for _ in range(50):
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                break
        except ChildProcessError:
            break
    _done.append(f"left behind: setsid {started[0]}, double fork {started[1]}, sleep {started[2]}, "
                 f"burst {burst}/200")
    return _done[0]


def _kata(*args, **kwargs):
    raise RuntimeError(_spread())


lu_solve = gram_schmidt_qr = power_iteration = low_rank_approx = numerical_jacobian = _kata
grad_least_squares = grad_quadratic_form = softmax_jacobian = _kata

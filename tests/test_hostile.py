"""The hostile catalogue (issue 12): submissions that attack the grader instead of doing the katas.

Each module in ``tests/hostile/`` is one attack, written as a student would (its docstring says
what it does). They are graded together in ONE classroom run per kind of user, beside a correct
student (a copy of solutions/) and a stub student (a copy of exercises/); and the before-stop hook's
smoke test goes through one ``grade`` run. The grader runs from a private copy of this repository
(grader/, exercises/, solutions/, tests/), so an attack that worked would change the copy, never the
checkout. Both halves run the whole catalogue:

- as root (the CI and Gradescope case): jails get their own uids (>= 200000);
- as an unprivileged user (the instructor's laptop): created here with useradd when the test runs
  as root, owning the copy, the submissions and the output (so only the jail stands between an
  attack and them); the interpreter under /root is made reachable in a private mount namespace.

For every hostile student: its topic earns only the katas it implements honestly, the other topic
(a copy of the reference) gets full marks, its feedback holds no hidden-check source. For every
run: the grader exits 0, the correct and stub students come out right, no process is left (by the
run's KATA_JAIL_TAG in /proc/<pid>/environ; as root by jail uid; as the user by that uid), the
grader's tree, the submissions and a world-writable witness folder are byte-for-byte unchanged, and
a TCP and a UDP listener on 127.0.0.1 (ports given to the submissions) receive nothing.

Every loop, fork and flood in the hostile modules is bounded; what the test starts it stops by pid.
An attack that gets through is kept, marked ``xfail(strict=True)`` with the hole it shows.
"""
from __future__ import annotations

import ast
import csv
import grp
import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "hostile"
PYTHON = sys.executable
TOPIC, OTHER = "linear_algebra", "probability"
# what every student of the class solved of OTHER (the rest is the stub): a few quick katas are
# enough to see that a hostile module leaves its owner's other topic alone, and keep the class fast
OTHER_SOLVED = ("logsumexp", "welford", "entropy", "cross_entropy")
COPIED = ("grader", "exercises", "solutions", "tests", "conftest.py", "pyproject.toml")
JAIL_UID_BASE = 200_000
RUN_TIMEOUT = 420  # seconds for one grader run; the whole file takes far less
IS_ROOT = os.geteuid() == 0

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the jail's walls are Linux ones"),
    pytest.mark.timeout(1500),
]


@dataclass(frozen=True)
class Case:
    attack: str  # the attack class of issue 12 it belongs to
    ran: str = ""  # text its linear_algebra feedback shows when the attack ran (not crashed at import)
    honest: tuple[str, ...] = ()  # katas the module implements honestly: exactly their points
    hole: str | None = None  # the attack gets through: what it achieves (xfail, strict)


CASES = {
    "scores_itself": Case(
        "self-scoring: patches of the grader, pytest, json and numpy in its own process, forged result lines "
        "on every inherited fd and a thread re-sending them, liar objects", ran="cannot read"),
    "escapes_to_the_judge": Case("self-scoring and hidden-check source through the bridge's callbacks",
                                 ran="no way into the judge"),
    "reads_solutions": Case("reading solutions/", ran="defines no `lu_solve`"),
    "leaks_the_checks": Case("hidden-check source in the exception text, from inside the jail", ran="leaked: "),
    "rewrites_the_grader": Case("rewriting grader/checks, planting conftest.py", ran="rewrote: "),
    "copies_classmates": Case("reading and overwriting classmates' copies", ran="defines no `lu_solve`"),
    "kills_the_grader": Case("killing or stopping sibling workers and the grading parent",
                             ran="still here: 0 signals delivered"),
    "leaves_processes": Case("leaving processes behind",
                             ran="left behind: setsid True, double fork True, sleep True, burst "),
    "phones_home": Case("sending data to 127.0.0.1", ran="phoned: tcp PermissionError"),
    "escapes_bans": Case("escaping a ban by another path", ran="is not allowed in", honest=("low_rank_approx",)),
    "disarms_the_ban_watch": Case(
        "escaping a ban by tampering with the watcher", ran="is not allowed in", honest=("low_rank_approx",)),
}
HOOK_SMOKE = "reads_solutions_like_the_hook"  # graded with `python -m grader grade`, like the hook does

SOURCE_LEAK: dict[str, str] = {}  # case -> hole, for cases whose feedback is known to carry hidden-check source

# (case, kata) -> the way the kata reaches its banned function
BAN_WAYS = {
    ("escapes_bans", "lu_solve"):
        "the private module path numpy.linalg._linalg.solve",
    ("escapes_bans", "gram_schmidt_qr"):
        "an alias bound at import: from numpy.linalg import qr as _factor",
    ("escapes_bans", "power_iteration"):
        "a functools.partial of numpy.linalg.eig",
    ("escapes_bans", "softmax_jacobian"):
        "scipy.special.softmax stored in a dict",
    ("escapes_bans", "grad_least_squares"):
        "torch.autograd.grad from code compiled under the learner's file name",
    ("escapes_bans", "grad_quadratic_form"):
        "torch.autograd.grad from code compiled under the file name of the jail's server.py",
    ("escapes_bans", "numerical_jacobian"):
        "scipy.optimize.approx_fprime looked up by a name built at run time",
    ("disarms_the_ban_watch", "lu_solve"):
        "numpy.linalg.solve with wire.send wrapped to drop ban-hit frames, then a LinAlgError "
        "subclass that refuses the bridge's attributes",
    ("disarms_the_ban_watch", "gram_schmidt_qr"):
        "numpy.linalg.qr with the watcher's notify hook muted, then its hit list emptied",
    ("disarms_the_ban_watch", "power_iteration"):
        "a copy of numpy.linalg.eig whose code object differs by its first line number",
    ("disarms_the_ban_watch", "softmax_jacobian"):
        "scipy.special.softmax run by a thread started at import",
    ("disarms_the_ban_watch", "grad_least_squares"):
        "torch.autograd.grad with the watcher's code table emptied during the call",
    ("disarms_the_ban_watch", "grad_quadratic_form"):
        "torch.autograd.grad in a forked child that closed its copy of the bridge's socket",
    ("disarms_the_ban_watch", "numerical_jacobian"):
        "sys.setprofile(None) and threading.setprofile(None), then scipy.optimize.approx_fprime, "
        "then the hook put back",
}
# (case, kata) -> the hole, where that way gets through (xfail, strict)
BAN_HOLES: dict[tuple[str, str], str] = {}  # (case, kata) -> the hole, where a way is known to get through
TREE_HOLES: dict[str, str] = {}  # kind of user -> the hole, where the grader's tree is known to change (xfail, strict)


# --- small helpers -------------------------------------------------------------------------------

def _token() -> str:
    return uuid.uuid4().hex[:10]


def _tree_digest(root: Path) -> dict[str, str]:
    """Every entry under root: files by content and mode, folders and links by name."""
    out = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        rel = str(path.relative_to(root))
        if stat.S_ISREG(info.st_mode):
            out[rel] = f"{stat.S_IMODE(info.st_mode):o}:" + hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = f"{stat.S_IFMT(info.st_mode):o}:{stat.S_IMODE(info.st_mode):o}"
    return out


def _diff(before: dict, after: dict) -> list[str]:
    return sorted({k for k in before.keys() | after.keys() if before.get(k) != after.get(k)})


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _hidden_source_lines(repo: Path) -> set[str]:
    """Code lines of the hidden checks that appear nowhere a learner could see them legitimately:
    no string literals (messages reach the feedback by design), nothing shared with the public
    checks, the stubs, the reference or the hostile modules."""
    public = set()
    for folder in ("exercises", "solutions"):
        for path in (repo / folder).rglob("*.py"):
            public |= {_normalise(line) for line in path.read_text(encoding="utf-8").splitlines()}
    for path in HOSTILE.glob("*.py"):
        public |= {_normalise(line) for line in path.read_text(encoding="utf-8").splitlines()}
    lines = set()
    for topic in (TOPIC, OTHER):
        for line in (repo / "grader" / "checks" / f"{topic}.py").read_text(encoding="utf-8").splitlines():
            code = _normalise(line)
            if len(code) >= 30 and not code.startswith("#") and '"' not in code and "'" not in code \
                    and code not in public:
                lines.add(code)
    return lines


def _check_names(repo: Path) -> list[str]:
    """pytest node ids a student could guess: the check functions' names in both check files."""
    out = []
    for topic in (TOPIC, OTHER):
        for rel in (f"exercises/{topic}/test_{topic}.py", f"grader/checks/{topic}.py"):
            tree = ast.parse((repo / rel).read_text(encoding="utf-8"))
            out += [f"{rel}::{node.name}" for node in tree.body
                    if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]
    return out


@dataclass
class Proc:
    pid: int
    ppid: int
    uids: tuple[int, ...]
    state: str
    start: int
    comm: str
    cmdline: bytes
    environ: bytes


def _processes() -> dict[int, Proc]:
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        base = Path("/proc") / entry
        try:
            status = (base / "status").read_text()
            fields = (base / "stat").read_bytes().rsplit(b")", 1)[1].split()
            comm = (base / "comm").read_text().strip()
            cmdline = (base / "cmdline").read_bytes()
            try:
                environ = (base / "environ").read_bytes()
            except OSError:
                environ = b""
        except (OSError, IndexError):
            continue
        match = re.search(r"^Uid:\s+(.*)$", status, re.M)
        uids = tuple(int(u) for u in match.group(1).split()) if match else ()
        found[int(entry)] = Proc(int(entry), int(fields[1]), uids, fields[0].decode(), int(fields[19]),
                                 comm, cmdline, environ)
    return found


def _boot_ticks_now() -> int:
    with open("/proc/uptime") as uptime:
        return int(float(uptime.read().split()[0]) * os.sysconf("SC_CLK_TCK"))


def _kill(pids) -> None:
    for pid in pids:
        for sig in (signal.SIGCONT, signal.SIGKILL):
            try:
                os.kill(pid, sig)
            except OSError:
                pass


# --- the world: a copy of the grader, a class, a listener, one user ------------------------------

class World:
    """One half of the catalogue: everything is made, graded and checked for one kind of user."""

    def __init__(self, kind: str):
        self.kind = kind
        self.token = _token()
        self.tag = f"hostile-{self.token}-{kind}"
        self.root = Path(tempfile.mkdtemp(prefix=f"kata-hostile-{kind}-"))
        os.chmod(self.root, 0o755)
        self.user: str | None = None
        self.uid, self.gid = os.getuid(), os.getgid()
        self.started_ticks = 0
        self.leftovers: list[str] = []
        self.runs: dict[str, dict] = {}

    # -- making it ----------------------------------------------------------------------------
    def make(self) -> None:
        self.repo = self.root / "repo"
        for name in COPIED:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, self.repo / name, symlinks=True,
                                ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
            elif source.is_file():
                self.repo.mkdir(exist_ok=True)
                shutil.copy2(source, self.repo / name)
        self.subs, self.target = self.root / "submissions", self.root / "target"
        self.out, self.tmp = self.root / "out", self.root / "tmp"
        self.witness, self.state, self.home = self.root / "witness", self.root / "state", self.root / "home"
        for folder in (self.subs, self.target, self.out, self.tmp, self.witness, self.state, self.home):
            folder.mkdir()
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.listener.setblocking(False)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.setblocking(False)
        self.nodeids = _check_names(self.repo)
        self.students = {case: f"{case}_{self.token}" for case in CASES}
        self.good, self.stub = f"good_{self.token}", f"stub_{self.token}"
        self._module(self.subs / self.good, TOPIC, (REPO / "solutions" / TOPIC / f"{TOPIC}.py").read_text())
        self._module(self.subs / self.stub, TOPIC, (REPO / "exercises" / TOPIC / f"{TOPIC}.py").read_text())
        self._module(self.subs / self.stub, OTHER, (REPO / "exercises" / OTHER / f"{OTHER}.py").read_text())
        for case, student in self.students.items():
            self._module(self.subs / student, TOPIC, self._hostile(case, student))
        for student in [self.good, *self.students.values()]:
            self._module(self.subs / student, OTHER, _partly_solved(OTHER, OTHER_SOLVED))
        self._module(self.target, TOPIC, self._hostile(HOOK_SMOKE, "target"))
        self._module(self.target, OTHER, (REPO / "solutions" / OTHER / f"{OTHER}.py").read_text())
        if self.kind == "unprivileged" and IS_ROOT:
            self._add_user()
        for path in [self.root, *self.root.rglob("*")]:
            if self.user is not None and not path.is_symlink():
                os.chown(path, self.uid, self.gid)
        os.chmod(self.tmp, 0o1777)  # like /tmp
        os.chmod(self.witness, 0o777)  # only the jail may stop a write here
        self.before = self._snapshot()

    def _module(self, root: Path, topic: str, text: str) -> None:
        path = root / topic / f"{topic}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def _hostile(self, case: str, student: str) -> str:
        config = {"token": self.token, "repo": str(self.repo), "submissions": str(self.subs), "me": student,
                  "tmp": str(self.tmp), "witness": str(self.witness), "port": self.listener.getsockname()[1],
                  "udp_port": self.udp.getsockname()[1], "nodeids": self.nodeids}
        return f"HOSTILE = {config!r}\n" + (HOSTILE / f"{case}.py").read_text(encoding="utf-8")

    def _add_user(self) -> None:
        if shutil.which("useradd") is None or shutil.which("setpriv") is None or shutil.which("unshare") is None:
            pytest.skip("the unprivileged half needs useradd, setpriv and unshare (util-linux) when run as root")
        name = f"kh{self.token[:8]}"
        done = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                               "--user-group", name], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"useradd could not create a throwaway user: {done.stderr.strip()}")
        self.user = name
        self.uid, self.gid = pwd.getpwnam(name).pw_uid, grp.getgrnam(name).gr_gid

    def _snapshot(self) -> dict:
        site = [Path(p) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
        return {"repo": _tree_digest(self.repo), "submissions": _tree_digest(self.subs),
                "target": _tree_digest(self.target), "witness": _tree_digest(self.witness),
                "site-packages": {str(p): sorted(os.listdir(p)) for p in site}}

    # -- running the grader ---------------------------------------------------------------------
    def _command(self, args: list[str]) -> list[str]:
        command = [PYTHON, "-m", "grader", *args]
        if self.user is None:
            return command
        interpreter = Path(os.path.realpath(PYTHON))
        blocked = next((a for a in reversed(interpreter.parents)
                        if a != Path("/") and not os.stat(a).st_mode & 0o001), None)  # /root, mode 700
        if blocked is None:
            return ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups", "--", *command]
        keep = interpreter.relative_to(blocked).parts[0]
        aside = self.root / "aside"
        aside.mkdir(exist_ok=True)
        script = ('set -e; mount --bind "$1/$2" "$3"; mount -t tmpfs -o mode=0755,size=1m tmpfs "$1"; '
                  'mkdir "$1/$2"; mount --move "$3" "$1/$2"; shift 3; '
                  f'exec setpriv --reuid={self.uid} --regid={self.gid} --clear-groups -- "$@"')
        return ["unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", script, "sh",
                str(blocked), keep, str(aside), *command]

    def _env(self) -> dict:
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(self.home),
               "TMPDIR": str(self.tmp), "KATA_STATE_DIR": str(self.state), "KATA_JAIL_TAG": self.tag,
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(self.repo)}
        return env

    def run(self, commands: dict[str, list[str]]) -> None:
        """Run the grader commands side by side (two cores: one class and one small grade overlap well)."""
        self.started_ticks = _boot_ticks_now()
        started, processes = time.monotonic(), {}
        for name, args in commands.items():
            processes[name] = subprocess.Popen(self._command(args), cwd=self.repo, env=self._env(),
                                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                               stderr=subprocess.PIPE, start_new_session=True)
        for name, process in processes.items():
            try:
                stdout, stderr = process.communicate(timeout=max(1.0, RUN_TIMEOUT - (time.monotonic() - started)))
                timed_out = False
            except subprocess.TimeoutExpired:
                _kill([process.pid, *self._ours(_processes())])
                stdout, stderr = process.communicate()
                timed_out = True
            self.runs[name] = {"rc": process.returncode, "timed_out": timed_out,
                               "seconds": time.monotonic() - started,
                               "stdout": stdout.decode(errors="replace")[-3000:],
                               "stderr": stderr.decode(errors="replace")[-3000:]}
        self.leftovers = self._leftovers()

    def _ours(self, procs: dict[int, Proc]) -> list[int]:
        """Live processes this half started (or its submissions did)."""
        tag = self.tag.encode()
        mine = []
        for proc in procs.values():
            if proc.pid == os.getpid() or proc.state in ("Z", "X"):
                continue
            if tag in proc.environ:
                mine.append(proc.pid)
            elif self.user is not None and self.uid in proc.uids:
                mine.append(proc.pid)
            elif IS_ROOT and self.kind == "root" and max(proc.uids, default=0) >= JAIL_UID_BASE \
                    and proc.start >= self.started_ticks and not self._foreign_jail(proc, procs):
                mine.append(proc.pid)
        return mine

    def _foreign_jail(self, proc: Proc, procs: dict[int, Proc]) -> bool:
        """A jail of another grader running on this machine now: below a live zygote that is not ours."""
        seen = 0
        while proc is not None and seen < 64:
            if b"grader.jail.zygote" in proc.cmdline and max(proc.uids, default=0) < JAIL_UID_BASE:
                return self.tag.encode() not in proc.environ
            proc = procs.get(proc.ppid)
            seen += 1
        return False

    def _leftovers(self) -> list[str]:
        deadline = time.monotonic() + 5
        while True:
            procs = _processes()
            mine = self._ours(procs)
            if not mine or time.monotonic() > deadline:
                break
            time.sleep(0.25)
        described = [f"pid {p} uid {procs[p].uids[0]} comm {procs[p].comm} cmd {procs[p].cmdline[:80]!r}"
                     for p in mine]
        _kill(mine)
        return described

    def grade_all(self) -> None:
        self.make()
        self.run({
            "grade": ["grade", "--phase", "1", "--target", str(self.target), "--format", "json",
                      "--output", str(self.out / "grade.json"), "--workers", "1"],
            "classroom": ["classroom", "--submissions", str(self.subs), "--phase", "1", "--out",
                          str(self.out / "class"), "--workers", "2", "--quiet"],
        })
        self.after = self._snapshot()
        try:
            connection, _ = self.listener.accept()
            connection.close()
            self.tcp_connections = 1
        except BlockingIOError:
            self.tcp_connections = 0
        try:
            self.udp_datagram = self.udp.recv(4096)
        except BlockingIOError:
            self.udp_datagram = None

    # -- reading the results ----------------------------------------------------------------------
    def gradebook(self) -> dict[str, dict]:
        path = self.out / "class" / "gradebook.csv"
        assert path.is_file(), f"no gradebook: {self.runs['classroom']}"
        with open(path, newline="", encoding="utf-8") as handle:
            return {row["student_id"]: row for row in csv.DictReader(handle)}

    def record(self, student: str) -> dict:
        return json.loads((self.out / "class" / "students" / f"{student}.json").read_text(encoding="utf-8"))

    def topic(self, student: str, topic_id: str) -> dict:
        report = self.record(student)["report"]
        return next(t for t in report["topics"] if t["topic"] == topic_id)

    def cleanup(self) -> None:
        deadline = time.monotonic() + 10
        while (mine := self._ours(_processes())) and time.monotonic() < deadline:
            _kill(mine)
            time.sleep(0.1)
        for sock in (getattr(self, "listener", None), getattr(self, "udp", None)):
            if sock is not None:
                sock.close()
        shutil.rmtree(self.root, ignore_errors=True)
        if self.user is not None:
            subprocess.run(["userdel", self.user], capture_output=True)
            subprocess.run(["groupdel", self.user], capture_output=True)


@pytest.fixture(scope="module", params=["root", "unprivileged"])
def world(request) -> World:
    if request.param == "root" and not IS_ROOT:
        pytest.skip("the root half needs root (the unprivileged half runs as you)")
    made = World(request.param)
    request.addfinalizer(made.cleanup)
    made.grade_all()
    return made


def _partly_solved(topic: str, functions: tuple[str, ...]) -> str:
    """The stub of ``topic`` with the reference's definitions of ``functions`` appended."""
    stub = (REPO / "exercises" / topic / f"{topic}.py").read_text(encoding="utf-8")
    reference = (REPO / "solutions" / topic / f"{topic}.py").read_text(encoding="utf-8")
    tree = ast.parse(reference)
    chosen = [ast.get_source_segment(reference, n) for n in tree.body
              if isinstance(n, ast.FunctionDef) and n.name in functions]
    imports = [ast.get_source_segment(reference, n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))
               and not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
    return "\n\n".join([stub, *imports, *chosen]) + "\n"


def _xfail(case: str, hole: str | None):
    return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=hole)) if hole else case


# --- every run -------------------------------------------------------------------------------------

@pytest.mark.parametrize("run", ["classroom", "grade"])
def test_the_grader_finishes_and_exits_0(world, run):
    result = world.runs[run]
    assert not result["timed_out"], f"{run} ran past {RUN_TIMEOUT} s: {result['stderr']}"
    assert result["rc"] == 0, f"{run} exited {result['rc']}: {result['stderr']}"


def test_correct_and_stub_students_come_out_right(world):
    book = world.gradebook()
    assert set(book) == {world.good, world.stub, *world.students.values()}, sorted(book)
    good, stub = book[world.good], book[world.stub]
    assert good["status"] == "graded", good
    full = world.topic(world.good, TOPIC)
    assert full["score"] == full["max_score"] > 0, full["score"]
    other = world.topic(world.good, OTHER)  # the class solved only OTHER_SOLVED of it
    solved = [e for e in other["exercises"] if e["score"] > 0]
    assert solved and {e["name"] for e in solved} <= set(OTHER_SOLVED), solved  # katas, or a function of one
    assert all(e["score"] == e["max_score"] for e in solved), solved
    assert other["score"] == sum(e["max_score"] for e in solved), other["score"]
    assert float(good["total"]) == full["score"] + other["score"], good
    assert stub["status"] == "graded" and float(stub[TOPIC]) == float(stub[OTHER]) == float(stub["total"]) == 0, stub


def test_no_process_is_left(world):
    assert world.leftovers == [], f"still running after the grader exited (now killed): {world.leftovers}"


def test_the_grader_and_the_submissions_are_unchanged(world, request):
    if world.kind in TREE_HOLES:
        request.applymarker(pytest.mark.xfail(strict=True, reason=TREE_HOLES[world.kind]))
    for part in ("repo", "submissions", "target", "witness", "site-packages"):
        changed = _diff(world.before[part], world.after[part])[:8] if isinstance(world.before[part], dict) else []
        assert world.after[part] == world.before[part], \
            f"{part} changed: {[(k, world.before[part].get(k), world.after[part].get(k)) for k in changed]}"
    for folder in ("grader", "exercises", "solutions", "tests"):  # the real checkout was never named, but look
        for path in (REPO / folder).rglob("*.py"):
            assert world.token not in path.read_text(encoding="utf-8", errors="replace"), path


def test_nothing_reaches_the_listener(world):
    assert world.tcp_connections == 0, "a submission connected to the TCP listener on 127.0.0.1"
    assert world.udp_datagram is None, f"a submission sent a UDP datagram to 127.0.0.1: {world.udp_datagram[:80]!r}"


# --- every hostile student -------------------------------------------------------------------------

@pytest.mark.parametrize("case", [_xfail(c, spec.hole) for c, spec in CASES.items()])
def test_a_hostile_student_earns_only_what_it_implements(world, case):
    student = world.students[case]
    row = world.gradebook()[student]
    assert row["status"] == "graded", row
    topic = world.topic(student, TOPIC)
    honest = {e["name"]: e for e in topic["exercises"]}
    expected = sum(honest[k]["max_score"] for k in CASES[case].honest)
    earned = [(c["exercise"], c["name"], c["status"], c["score"]) for c in topic["checks"]
              if c["score"] and c["exercise"] not in CASES[case].honest]
    assert topic["score"] == expected and float(row[TOPIC]) == expected, \
        f"{case} scored {topic['score']} (expected {expected}); points from: {earned[:8]}"
    for kata in CASES[case].honest:
        assert honest[kata]["score"] == honest[kata]["max_score"], honest[kata]


@pytest.mark.parametrize("case", list(CASES))
def test_the_attack_really_ran(world, case):
    """A module that broke at import would score 0 too: its own report must show in its feedback."""
    topic = world.topic(world.students[case], TOPIC)
    messages = [c["message"] for c in topic["checks"]]
    assert any(CASES[case].ran in m for m in messages), f"{case} never said {CASES[case].ran!r}: {messages[:3]}"


@pytest.mark.parametrize("case", list(CASES))
def test_the_other_topic_of_a_hostile_student_grades_normally(world, case):
    topic = world.topic(world.students[case], OTHER)
    good = world.topic(world.good, OTHER)
    statuses = {c["name"]: c["status"] for c in topic["checks"]}
    expected = {c["name"]: c["status"] for c in good["checks"]}
    differ = [(name, statuses.get(name), status) for name, status in expected.items() if statuses.get(name) != status]
    assert good["score"] > 0 and topic["score"] == good["score"] and not differ, differ[:5]


@pytest.mark.parametrize("case", [_xfail(c, SOURCE_LEAK.get(c)) for c in CASES])
def test_feedback_holds_no_hidden_check_source(world, case):
    student = world.students[case]
    folder = world.out / "class" / "students"
    text = _normalise(" ".join((folder / f"{student}{ext}").read_text(encoding="utf-8") for ext in (".md", ".json")))
    strings = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(world.record(student))
    text += " " + _normalise(" ".join(strings))
    leaked = sorted(line for line in _hidden_source_lines(world.repo) if line in text)
    assert not leaked, f"{len(leaked)} hidden-check lines in {student}'s feedback, e.g. {leaked[:3]}"


@pytest.mark.parametrize("case_kata", [_xfail(key, BAN_HOLES.get(key)) for key in BAN_WAYS],
                         ids=[f"{c}-{k}" for c, k in BAN_WAYS])
def test_a_ban_holds_whatever_the_path(world, case_kata):
    case, kata = case_kata
    way = BAN_WAYS[case_kata]
    topic = world.topic(world.students[case], TOPIC)
    checks = [c for c in topic["checks"] if c["exercise"] == kata]
    missed = [(c["name"], c["status"], c["message"][:90]) for c in checks
              if c["status"] != "failed" or f"is not allowed in {kata}" not in c["message"]]
    assert checks and not missed, f"{kata} via {way}: checks without the ban message: {missed[:6]}"


def test_a_jail_never_runs_as_root(world):
    topic = world.topic(world.students["kills_the_grader"], TOPIC)
    assert topic["checks"] and not [c for c in topic["checks"] if "this jail runs as root" in c["message"]]


def test_the_hooks_smoke_test_earns_nothing(world):
    report = json.loads((world.out / "grade.json").read_text(encoding="utf-8"))
    topics = {t["topic"]: t for t in report["topics"]}
    assert topics[TOPIC]["status"] == "graded" and topics[TOPIC]["score"] == 0, topics[TOPIC]["score"]
    assert topics[OTHER]["score"] == topics[OTHER]["max_score"] > 0, topics[OTHER]["score"]

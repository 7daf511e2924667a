"""Grade topics in judge processes forked from one preloaded parent; the learner's code runs in jails.

The parent imports pytest and the heavy libraries the checks use once (:func:`preload`) while the
jail zygote (:mod:`grader.jails`) imports the same libraries in its own process, collects each
topic's checks once (:mod:`grader.collected`), then forks one judge child per (target, topic).
A judge caps its memory, runs its share of the collected checks under pytest
with a per-check timeout, reaches the learner's module only through its jail
(:mod:`grader.bridge`), and streams one JSON line per event back through a pipe. The parent
enforces a hard deadline per topic; if a judge dies, the check it was running is charged with
the crash and a fresh judge grades the rest. A jail that crashes costs only its check: the judge
starts a fresh jail for the next one.
"""
from __future__ import annotations

import ast
import gc
import importlib
import json
import os
import resource
import selectors
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from grader.catalogue import REPO, Topic
from grader.results import CheckResult, TopicResult

GRADING_INI = Path(__file__).resolve().parent / "grading.ini"


@dataclass(frozen=True)
class Limits:
    check_timeout: float = 10.0  # seconds per check (pytest-timeout)
    topic_deadline: float = 180.0  # seconds per topic, all checks and restarts together
    memory_mb: int = 3072  # address space a topic may add on top of the preloaded worker
    jail: bool = True  # the learner's code runs in a jail; False only for benchmarks (--no-jail)
    collect_once: bool = True  # the parent collects each topic's checks for its judges (False: each judge does)


@dataclass
class Job:
    """Grade one topic of one tree."""

    topic: Topic
    target: Path
    hidden: bool = True
    only_exercises: frozenset[str] | None = None
    key: object = None
    first_failure: bool = False  # stop at the first check that does not pass (mutation testing)
    jail: bool | None = None  # None: as the run's Limits say (make test mixes jailed and unjailed jobs in one run)
    check_timeout: float | None = None  # None: the run's Limits.check_timeout

    def timeout(self, limits: "Limits") -> float:
        return limits.check_timeout if self.check_timeout is None else self.check_timeout


UNUSED_PLUGINS = ("junitxml", "doctest", "pastebin", "legacypath", "setuponly", "setupplan", "stepwise",
                  "logging", "faulthandler", "debugging", "recwarn", "subtests")


def check_files(topic: Topic, hidden: bool) -> list[Path]:
    files = [topic.public_checks]
    if hidden and topic.hidden_checks.is_file():
        files.append(topic.hidden_checks)
    return [f for f in files if f.is_file()]


def preload(topics: list[Topic], jail: bool = True) -> None:
    """Import pytest and every module the topics' check files import, once, before forking.

    With ``jail``, the zygote that forks the jails starts first, importing the same libraries in
    its own process (it never sees the checks), so the two imports overlap.
    """
    if jail:
        from grader import jails

        jails.start_zygote(sorted(_library_modules(topics)))
    for name in ("pytest", "_pytest.python", "_pytest.runner", "_pytest.fixtures", "pytest_timeout", "grader.plugin"):
        importlib.import_module(name)
    from grader import contracts
    from grader.bans import resolve
    from grader.katas import katas_of

    for topic in topics:
        for kata in katas_of(topic):  # what the bans will resolve, and the contracts, in every child
            contracts.contracts_of_kata(topic.id, kata.name)
            for dotted in kata.banned:
                try:
                    resolve(dotted)
                except Exception:
                    pass
        if topic.hidden_checks.is_file():  # pytest (importlib mode) takes it from sys.modules in every child
            try:
                importlib.import_module(f"grader.checks.{topic.id}")
            except Exception:
                pass  # collection will report it
        for path in check_files(topic, hidden=True):
            for name in _imported_modules(path):
                try:
                    importlib.import_module(name)
                except Exception:
                    pass  # the check itself will report it
    gc.collect()
    gc.freeze()  # the preloaded heap is shared by every child: keep the collector (and copy-on-write) off it


def _library_modules(topics: list[Topic]) -> set[str]:
    names = {"numpy", "scipy", "torch"}
    for topic in topics:
        for path in check_files(topic, hidden=True):
            names |= _imported_modules(path)
        module = topic.module_in(topic.folder.parent.parent / "solutions")
        if module.is_file():
            names |= _imported_modules(module)
    return {n for n in names if not n.startswith(("tests", "exercises", "solutions", "pytest", "_pytest"))}


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # also imports inside functions
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {n for n in names if not n.startswith("grader")}


# --- the child -------------------------------------------------------------------------------

def pytest_args(job: Job, limits: Limits) -> list[str]:
    """How a judge runs pytest over a topic's check files (all but ``--maxfail``)."""
    return [str(p) for p in check_files(job.topic, job.hidden)] + [
        "-c", str(GRADING_INI), "--rootdir", str(REPO), "-p", "no:cacheprovider",
        "--assert=plain", "--import-mode=importlib", "-q", "--no-header", "-p", "no:warnings",
        # learner output goes to the null device, uncaptured (a flood would fill the capture's memory)
        "--capture=no",
        # results go to the sink, classified from the exception: pytest's own failure text (it
        # parses the check file for every traceback entry) would cost most of a failing run
        "--tb=no",
        # these two run gc.collect() over the whole preloaded heap at exit: ~0.4 s a child
        "-p", "no:unraisableexception", "-p", "no:threadexception",
        # plugins a grading run never uses: each costs its registration in every child
        *[arg for name in UNUSED_PLUGINS for arg in ("-p", f"no:{name}")],
        "-o", f"timeout={job.timeout(limits)}", "-o", "timeout_method=signal",
    ]


def plugins() -> list[object]:
    import pytest_timeout

    from grader import plugin

    return [plugin, pytest_timeout]


_collected: dict[tuple, object] = {}  # (check files as they are, check timeout) -> grader.collected.Collected | None


def collected_for(job: Job, limits: Limits):
    """The parent's one collection of a job's check files, shared by every judge forked for it."""
    from grader.collected import collect

    if not limits.collect_once:
        return None
    files = check_files(job.topic, job.hidden)
    key = (tuple((str(f), f.stat().st_mtime_ns) for f in files), job.timeout(limits))
    if key not in _collected:
        _collected[key] = collect(pytest_args(job, limits), plugins())
    return _collected[key]


def _child_main(job: Job, limits: Limits, write_fd: int, exclude: set[str], collected=None) -> None:
    """Runs in the forked child; never returns."""
    try:
        os.setpgid(0, 0)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        _cap_memory(limits.memory_mb)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        sys.stdout = sys.__stdout__ = open(1, "w", closefd=False)  # not an outer pytest's capture
        sys.stderr = sys.__stderr__ = open(2, "w", closefd=False)
        os.chdir(tempfile.mkdtemp(prefix="kata-grade-"))
        sys.dont_write_bytecode = True
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        if "torch" in sys.modules:
            sys.modules["torch"].set_num_threads(1)

        from grader import loader, plugin
        import pytest

        stream = os.fdopen(write_fd, "w", buffering=1)

        def send(event: dict) -> None:
            stream.write(json.dumps(event) + "\n")
            stream.flush()

        loader.set_target(job.target)
        jailed = limits.jail if job.jail is None else job.jail
        if jailed:
            from grader import bridge, jails

            bridge.configure(bridge.JailSettings(zygote=jails.zygote_path(), memory_mb=limits.memory_mb,
                                                 cpu_seconds=int(limits.topic_deadline) + 30,
                                                 tag=jails.TAG))
        plugin.sink = send
        plugin.exclude = set(exclude)
        plugin.only_exercises = set(job.only_exercises) if job.only_exercises is not None else None
        if collected is not None:
            collected.run(keep=plugin.select, maxfail=1 if job.first_failure else 0)
        else:
            # the two plugins as objects: `-p name` would scan every installed package's entry points
            args = pytest_args(job, limits) + (["--maxfail=1"] if job.first_failure else [])
            pytest.main(args, plugins=plugins())
        if jailed:
            bridge.close_all()
        send({"event": "done"})
    except BaseException as error:  # report, never raise into the parent's code path
        try:
            os.write(write_fd, (json.dumps({"event": "fatal", "message": f"grader worker failed: {error!r}"}) + "\n").encode())
        except Exception:
            pass
    finally:
        os._exit(0)


def _cap_memory(extra_mb: int) -> None:
    size = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                size = int(line.split()[1]) * 1024
    limit = size + extra_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


# --- the parent ------------------------------------------------------------------------------

@dataclass
class _Run:
    job: Job
    limits: Limits
    checks: dict[str, CheckResult] = field(default_factory=dict)  # nodeid -> result, in order
    done: set[str] = field(default_factory=set)
    current: str | None = None
    fatal: str = ""
    pid: int = 0
    fd: int = -1
    buffer: bytes = b""
    started: float = 0.0
    finished_cleanly: bool = False
    attempts: int = 0

    def deadline(self) -> float:
        return self.started + self.limits.topic_deadline

    def spawn(self) -> None:
        if not self.started:
            self.started = time.monotonic()
        self.attempts += 1
        self.current, self.finished_cleanly, self.buffer = None, False, b""
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        collected = collected_for(self.job, self.limits)
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_fd)
            _child_main(self.job, self.limits, write_fd, set(self.done), collected)
        os.close(write_fd)
        os.set_blocking(read_fd, False)
        self.pid, self.fd = pid, read_fd

    def feed(self, data: bytes) -> None:
        self.buffer += data
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            try:
                self.handle(json.loads(line))
            except ValueError:
                continue

    def handle(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "collected" and not self.checks:
            for meta in event["checks"]:
                self.checks[meta["nodeid"]] = CheckResult(
                    name=meta["name"], exercise=meta["exercise"], max_score=meta["points"],
                    visibility=meta["visibility"])
        elif kind == "start":
            self.current = event["nodeid"]
        elif kind == "result" and event["nodeid"] in self.checks:
            check = self.checks[event["nodeid"]]
            for key in ("status", "message", "seconds", "score", "traceback"):
                setattr(check, key, event[key])
            self.done.add(event["nodeid"])
            self.current = None
        elif kind == "fatal":
            self.fatal = event["message"]
        elif kind == "done":
            self.finished_cleanly = True

    def charge_current(self, status: str, message: str) -> None:
        if self.current in self.checks and self.current not in self.done:
            check = self.checks[self.current]
            check.status, check.message, check.score = status, message, 0.0
            self.done.add(self.current)
        self.current = None

    def remaining(self) -> list[str]:
        return [n for n in self.checks if n not in self.done]

    def result(self) -> TopicResult:
        for nodeid in self.remaining():
            check = self.checks[nodeid]
            check.status = "error"
            check.message = check.message or "not run: the grader worker stopped before this check"
        status = "error" if self.fatal and not self.checks else "graded"
        return TopicResult(self.job.topic, status=status, message=self.fatal, checks=list(self.checks.values()))


def _describe_exit(status: int) -> str:
    """How a process ended, in the words a learner reads (the jail's init says it the same way)."""
    from grader.jail.zygote import describe_exit

    return describe_exit(status)


def run_jobs(jobs: list[Job], limits: Limits = Limits(), workers: int | None = None,
             on_result=None, on_start=None) -> list[TopicResult]:
    """Grade every job, ``workers`` children at a time; results in the order of ``jobs``.

    By default two jobs per core when jailed: a judge and its jail take turns (one waits while the
    other runs), so two pairs keep a core busy.
    """
    workers = max(1, workers or (os.cpu_count() or 1) * (2 if limits.jail else 1))
    pending = list(enumerate(jobs))
    running: dict[int, tuple[int, _Run]] = {}  # fd -> (index, run)
    results: dict[int, TopicResult] = {}
    selector = selectors.DefaultSelector()

    def start(index: int, run: _Run) -> None:
        run.spawn()
        running[run.fd] = (index, run)
        selector.register(run.fd, selectors.EVENT_READ)

    def stop(run: _Run, kill: bool) -> int:
        selector.unregister(run.fd)
        del running[run.fd]
        if kill:
            try:
                os.killpg(run.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            run.feed(_drain(run.fd))
        finally:
            os.close(run.fd)
        _, status = os.waitpid(run.pid, 0)
        return status

    def finish(index: int, run: _Run) -> None:
        results[index] = run.result()
        if on_result is not None:
            on_result(run.job, results[index])

    interrupted: list[int] = []
    previous = None
    if threading.current_thread() is threading.main_thread():
        # Ctrl-C only sets a flag: a KeyboardInterrupt landing inside os.fork() would be lost.
        previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.append(signum))
    try:
        while pending or running:
            if interrupted:
                raise KeyboardInterrupt
            while pending and len(running) < workers:
                index, job = pending.pop(0)
                if on_start is not None:
                    on_start(job)
                start(index, _Run(job, limits))
            now = time.monotonic()
            wait = max(0.0, min(run.deadline() for _, run in running.values()) - now)
            for key, _ in selector.select(timeout=min(wait, 1.0)):
                index, run = running[key.fd]
                data = _drain(key.fd)
                if data:
                    run.feed(data)
                    continue
                status = stop(run, kill=False)  # EOF: the child ended
                if run.finished_cleanly or run.fatal:
                    finish(index, run)
                    continue
                reason = _describe_exit(status)
                if run.current is None and not run.checks:
                    run.fatal = f"the grader worker {reason} before any check ran"
                    finish(index, run)
                    continue
                run.charge_current("error", f"your code {reason} during this check")
                if run.remaining() and run.attempts <= len(run.checks):
                    start(index, run)
                else:
                    finish(index, run)
            now = time.monotonic()
            for fd, (index, run) in list(running.items()):
                if now >= run.deadline():
                    stop(run, kill=True)
                    run.charge_current("timeout", f"the topic ran past its {limits.topic_deadline:g} s limit during this check")
                    for nodeid in run.remaining():
                        check = run.checks[nodeid]
                        check.status = "timeout"
                        check.message = f"not run: the topic ran past its {limits.topic_deadline:g} s limit"
                        run.done.add(nodeid)
                    finish(index, run)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        for fd, (index, run) in list(running.items()):
            stop(run, kill=True)
        selector.close()
    if interrupted:
        raise KeyboardInterrupt
    return [results[i] for i in range(len(jobs))]


def _drain(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            break
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)

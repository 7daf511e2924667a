"""The pytest plugin behind every check run, graded or not.

It registers the ``kata`` marker, guards each kata's banned shortcuts while its checks run, and
turns each check's outcome into a status and a one-line message a learner can act on. The
grading worker (:mod:`grader.worker`) sets :data:`sink` to receive those results; under plain
``pytest`` (``make check``) the sink is unset and pytest reports as usual.
"""
from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Any, Callable

import pytest

from grader import bridge, contracts, loader
from grader.bans import ShortcutUsed as LocalShortcutUsed, banned
from grader.bridge import ShortcutUsed
from grader.catalogue import EXERCISES, HIDDEN_CHECKS, topic as topic_by_id
from grader.jail.bans import Watch
from grader.katas import kata as find_kata, katas_of

#: Set by the worker: called with one dict per event (collected, start, result, fatal).
sink: Callable[[dict], None] | None = None
#: Set by the worker: node ids not to run again (already graded before a crash).
exclude: set[str] = set()
#: Set by the worker: grade only these exercises (None = all).
only_exercises: set[str] | None = None

NOT_ATTEMPTED = "not attempted yet"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "kata(exercise, points): the exercise a check grades and its points")


# --- where a check belongs ---------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _placed(path: str) -> tuple[str | None, str]:
    """(topic or None, visibility) of a check file, from where it lies."""
    where = Path(path).resolve()
    if where.parent == HIDDEN_CHECKS:
        return where.stem, "hidden"
    return (where.parent.name if where.parent.parent == EXERCISES else None), "public"


def topic_of(item: pytest.Item) -> str | None:
    topic_id = _placed(str(item.path))[0]
    if topic_id is not None:
        return topic_id
    declared = getattr(getattr(item, "module", None), "TOPIC", None)
    return declared if isinstance(declared, str) else None


def visibility_of(item: pytest.Item) -> str:
    return _placed(str(item.path))[1]


def meta_of(item: pytest.Item) -> dict[str, Any]:
    mark = item.get_closest_marker("kata")
    kwargs = mark.kwargs if mark else {}
    return {
        "nodeid": item.nodeid,
        "name": item.name,
        "exercise": kwargs.get("exercise", "(no exercise)"),
        "points": float(kwargs.get("points", 1)),
        "visibility": visibility_of(item),
    }


class ContractCheck(pytest.Item):
    """A kata's contract (grader.contracts): judged from every call its other checks made, so it runs last."""

    def __init__(self, *, topic_id: str, kata: str, **kwargs):
        super().__init__(**kwargs)
        self.topic_id, self.kata = topic_id, kata
        self.add_marker(pytest.mark.kata(exercise=kata, points=1, pins=()))

    def runtest(self) -> None:
        contract_verdict(self.topic_id, self.kata)

    def reportinfo(self):
        return self.path, None, self.name


def contract_verdict(topic_id: str, kata: str) -> None:
    """Raise unless every call the kata's checks made kept its contract (the contract check's body;
    the nbgrader course calls it from the kata's last cell)."""
    record = contracts.records.get((topic_id, kata))
    if record is not None and record.banned:
        raise ShortcutUsed(record.banned)
    if record is None or record.calls == 0:
        _module_failure(topic_id)
        if record is not None and record.first_error is not None:  # it exited, hung or crashed: so does this
            raise record.first_error
        raise loader.NotAttempted(f"{kata}: no check got a result back from it")
    if record.passed == 0:  # a right type of wrong answer earns nothing
        raise AssertionError(f"no check of {kata} passes yet: its contract is judged with its first right result")
    for contract in contracts.contracts_of_kata(topic_id, kata):
        signature = contracts.learner_signature_problem(contract, loader.module_path(topic_id))
        if signature:
            raise AssertionError(signature)
    if record.broken:
        raise AssertionError(record.broken[0])


def _module_failure(topic_id: str) -> None:
    """A module that did not import (a syntax error, an exit, a hang) fails the contract as it did the others."""
    if bridge.settings is not None and loader.loaded(topic_id) is None:
        bridge.session(topic_id, loader.module_path(topic_id)).ready()
    else:
        loader.load(topic_id)


def _contract_checks(items: list[pytest.Item], config: pytest.Config) -> list[pytest.Item]:
    """One contract check per kata that declares one, after the topic's hidden checks (in a run
    of whole check files: a run of chosen checks, as a notebook cell makes, gets none)."""
    if any("::" in str(arg) for arg in config.args):
        return []
    added, seen = [], set()
    for item in items:
        topic_id = topic_of(item)
        if topic_id is None or topic_id in seen or visibility_of(item) != "hidden" or isinstance(item, ContractCheck):
            continue
        seen.add(topic_id)
        for spec in katas_of(topic_by_id(topic_id)):
            if contracts.contracts_of_kata(topic_id, spec.name):
                added.append(ContractCheck.from_parent(item.parent, name=f"test_contract[{spec.name}]",
                                                       topic_id=topic_id, kata=spec.name))
    return added


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items += _contract_checks(items, config)
    for item in items:  # for make test's traceability test: which conventions each check names
        mark = item.get_closest_marker("kata")
        if mark is not None and topic_of(item):
            contracts.checks_seen.append({"topic": topic_of(item), "kata": mark.kwargs.get("exercise"),
                                          "pins": list(mark.kwargs.get("pins", ())),
                                          "visibility": visibility_of(item), "name": item.name})
    select(items)


def select(items: list[pytest.Item]) -> None:
    """Keep the checks this run grades (``only_exercises``, less ``exclude``) and tell the sink which.

    A judge forked from a parent that collected the topic once (:mod:`grader.collected`) calls it itself.
    """
    if sink is None:
        if only_exercises is not None:
            items[:] = [i for i in items if meta_of(i)["exercise"] in only_exercises]
        return
    keep = [i for i in items if i.nodeid not in exclude
            and (only_exercises is None or meta_of(i)["exercise"] in only_exercises)]
    items[:] = keep
    sink({"event": "collected", "checks": [meta_of(i) for i in keep]})


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector, name: str, obj):
    """A run of chosen katas (a variant, a mutant, a notebook cell) never builds the others' checks."""
    if only_exercises is None:
        return None
    exercise = _marked_exercise(obj)
    return [] if exercise is not None and exercise not in only_exercises else None


def _marked_exercise(obj) -> str | None:
    try:
        marks = getattr(obj, "pytestmark", None)
        if not isinstance(marks, list):
            return None
        return next((m.kwargs.get("exercise") for m in marks if isinstance(m, pytest.Mark) and m.name == "kata"), None)
    except Exception:  # whatever a check module holds
        return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    """Stopping at the first failure (a mutant, a known-wrong variant): once a call of a kata has
    broken its contract, the kata's contract check will fail, so run it next and skip the rest."""
    if item.config.getoption("maxfail", 0) != 1 or isinstance(item, ContractCheck) or not topic_of(item):
        return None
    record = contracts.records.get((topic_of(item), meta_of(item)["exercise"]))
    if record is not None and (record.broken or record.banned) and record.passed:
        return True  # not run, not reported: the contract check reports the kata's loss
    return None


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if sink is not None and report.failed:
        lines = report.longreprtext.strip().splitlines() or [str(report.nodeid)]
        sink({"event": "fatal", "message": f"checks could not be collected: {lines[-1]}"})


# --- bans ------------------------------------------------------------------------------------

@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    if item.get_closest_marker("kata") is None:  # not a check (e.g. the project's own tests)
        return (yield)
    topic_id = topic_of(item)
    exercise = meta_of(item)["exercise"]
    spec = find_kata(topic_by_id(topic_id), exercise) if topic_id else None
    if not spec or not spec.banned:
        return (yield)
    if bridge.settings is not None and loader.loaded(topic_id) is None:
        return (yield from _jailed_ban(spec.banned, exercise, topic_id))
    try:
        module = loader.load(topic_id)
    except loader.LearnerError:
        return (yield)  # the check itself will report why the module is unusable
    # by name (guards that raise at the learner's call) and by identity (any path: a private module,
    # an alias, a container), as the jail does, counting only calls with the learner's code on the stack
    identity = Watch(list(spec.banned), module, loader.learner_files(topic_id), learner_only=True)
    with banned(spec.banned, loader.learner_files(topic_id), exercise, module) as hits, identity:
        message = "`{}` is not allowed in " + exercise + ": this kata asks you to implement it yourself"
        try:
            result = yield
        except LocalShortcutUsed:
            raise
        except BaseException as error:  # the learner swallowed the ban and the check failed later
            found = hits or identity.hits
            if found:
                _remember_ban(topic_id, exercise, message.format(found[0]))
                raise ShortcutUsed(message.format(found[0])).with_traceback(error.__traceback__) from None
            raise
        found = hits or identity.hits
        if found:  # swallowed, and the check still passed: a ban is a ban
            _remember_ban(topic_id, exercise, message.format(found[0]))
            raise LocalShortcutUsed(message.format(found[0]))
    return result


def _remember_ban(topic_id: str, exercise: str, message: str) -> None:
    """A kata that used a banned shortcut keeps no contract point either."""
    record = contracts.record_of(topic_id, exercise)
    record.banned = record.banned or message


def _jailed_ban(names, exercise: str, topic_id: str):
    """The jail watches the banned objects during every request of this check; a hit fails it."""
    bridge.active_ban = {"names": list(names), "hits": [], "exercise": exercise}
    def shortcut() -> ShortcutUsed:
        error = bridge.shortcut_error()
        _remember_ban(topic_id, exercise, str(error))
        return error

    try:
        try:
            result = yield
        except ShortcutUsed as error:
            _remember_ban(topic_id, exercise, str(error))
            raise
        except BaseException as error:
            if bridge.active_ban["hits"]:
                raise shortcut().with_traceback(error.__traceback__) from None
            raise
        if bridge.active_ban["hits"]:
            raise shortcut()
        return result
    finally:
        bridge.active_ban = None


# --- results ---------------------------------------------------------------------------------

def pytest_sessionfinish(session: pytest.Session) -> None:
    contracts.write_log()


def pytest_runtest_logstart(nodeid: str, location) -> None:
    if sink is not None:
        sink({"event": "start", "nodeid": nodeid, "at": time.time()})


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if call.when == "call" and not isinstance(item, ContractCheck) and topic_of(item):
        _remember_outcome(contracts.record_of(topic_of(item), meta_of(item)["exercise"]), report, call.excinfo,
                          loader.learner_files(topic_of(item)))
    if sink is None:
        _shorten_for_learner(report, call)
        return report
    finished = call.when == "call" or (call.when == "setup" and report.outcome != "passed")
    if finished:
        status, message, frames = classify(item, call.excinfo, report)
        meta = meta_of(item)
        sink({
            "event": "result", "nodeid": item.nodeid, "status": status, "message": message,
            "traceback": frames, "seconds": round(call.duration, 4),
            "score": meta["points"] if status == "passed" else 0.0,
        })
    return report


def _remember_outcome(record: contracts.Record, report, excinfo, files: set[str]) -> None:
    if report.passed:
        record.passed += 1
    elif excinfo is not None and record.first_error is None and not _not_attempted(excinfo.value, excinfo, files):
        record.first_error = excinfo.value


def classify(item: pytest.Item, excinfo, report) -> tuple[str, str, list[str]]:
    """(status, one-line message, learner-only traceback lines) for a finished check.

    A note the check attached to the learner's exception (``expect_raises``) goes in front.
    """
    status, message, frames = _classify(item, excinfo, report)
    notes = getattr(excinfo.value, "__notes__", None) if excinfo is not None else None
    if notes and status == "error":
        message = f"{notes[-1]}; {message}"
    return status, message, frames


def _classify(item: pytest.Item, excinfo, report) -> tuple[str, str, list[str]]:
    if excinfo is None:
        return ("passed", "", []) if report.passed else ("error", "check was skipped", [])
    error = excinfo.value
    topic_id = topic_of(item)
    files = loader.learner_files(topic_id) if topic_id else set()
    frames = learner_frames(excinfo, files)
    where = f" (at {frames[-1].split(': ', 1)[0]})" if frames else ""
    if _not_attempted(error, excinfo, files):
        return "not_attempted", NOT_ATTEMPTED, []
    if isinstance(error, loader.LearnerImportError):
        return ("timeout" if error.timed_out else "error"), str(error), []
    if isinstance(error, loader.LearnerError):
        return "error", str(error), []
    if isinstance(error, (ShortcutUsed, LocalShortcutUsed)):
        return "failed", str(error), frames
    if isinstance(error, bridge.LearnerCrash):
        return "error", str(error), frames
    if type(error).__name__ == "Failed" and str(error).startswith("DID NOT RAISE"):
        expected = str(error).split("DID NOT RAISE", 1)[1].strip(" <>").replace("class ", "").strip("'")
        return "failed", f"your code should raise {expected} here but returned normally: see the brief's conventions", frames
    if type(error).__name__ == "Failed" and str(error).startswith("Timeout"):
        limit = str(error).split("(>", 1)[-1].split("s)", 1)[0]
        return "timeout", f"took longer than {limit} s{where}: look for an infinite loop or a needlessly slow step", frames
    if _out_of_memory(error):
        return "error", f"ran out of memory{where}: the grader caps the memory of each topic", frames
    if isinstance(error, AssertionError):
        text = first_line(error)
        if frames and (getattr(error, "__kata_raised_in_learner__", False) or _raised_in(excinfo, files)):
            return "failed", f"an assert in your code failed{where}: {text or 'no message'}", frames
        return "failed", text or "the check failed", frames
    if isinstance(error, SystemExit):
        return "error", f"your code called sys.exit(){where}: return a value instead", frames
    text = first_line(error)
    if frames:
        return "error", f"{type(error).__name__}: {text}{where}", frames
    if isinstance(error, TypeError) and "argument" in text:
        return "error", f"{text}: keep the signature of the stub", frames
    return "error", f"{type(error).__name__} while checking your result: {text}", frames


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else ""


def learner_frames(excinfo, files: set[str]) -> list[str]:
    """Traceback entries in the learner's own file only: ``name.py:LINE in func: source``."""
    jailed = getattr(excinfo.value, "__kata_frames__", None)
    if jailed is not None:
        return list(jailed)
    lines = []
    for entry in excinfo.traceback:
        if str(entry.path) in files:
            try:
                source = str(entry.statement).strip()
            except Exception:
                source = ""
            lines.append(f"{Path(str(entry.path)).name}:{entry.lineno + 1} in {entry.name}: {source}")
    return lines


def _not_attempted(error: BaseException, excinfo, files: set[str]) -> bool:
    """The stub's NotImplementedError (or one the learner raises): not a library's, such as torch
    saying a meta tensor has no values, which is an error of the learner's code like any other."""
    if isinstance(error, loader.NotAttempted):
        return True
    if not isinstance(error, NotImplementedError):
        return False
    jailed = getattr(error, "__kata_raised_in_learner__", None)
    return bool(jailed) if jailed is not None else _raised_in(excinfo, files)


def _raised_in(excinfo, files: set[str]) -> bool:
    return str(excinfo.traceback[-1].path) in files


def _out_of_memory(error: BaseException) -> bool:
    if isinstance(error, MemoryError):
        return True
    text = str(error)
    return isinstance(error, RuntimeError) and ("can't allocate memory" in text or "DefaultCPUAllocator" in text)


def _shorten_for_learner(report, call) -> None:
    """Under plain pytest (`make check`), say "not attempted" or the load error in one line."""
    excinfo = call.excinfo
    if excinfo is None or report.passed:
        return
    if isinstance(excinfo.value, (NotImplementedError, loader.NotAttempted)):
        report.longrepr = f"{NOT_ATTEMPTED}: {first_line(excinfo.value)}"
    elif isinstance(excinfo.value, loader.LearnerError):
        report.longrepr = str(excinfo.value)

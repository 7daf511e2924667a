"""A topic's checks collected once, in the parent, for every judge forked from it.

Starting pytest and collecting a topic's check files costs a judge about 0.1 s before its first
check runs: most of a known-wrong variant's grading, which stops at its first lost check. The
parent (:mod:`grader.worker`) builds the pytest session and collects each topic's check files
once; a forked judge inherits it, keeps the checks it is to run and runs just those::

    collected = collect(pytest_args, plugins)     # in the parent; None if collection failed
    ...fork...
    collected.run(keep=plugin.select, maxfail=1)   # in the judge: select, run, finish

Where collection fails (a check file that does not import) the parent keeps nothing and each judge
runs ``pytest.main`` as before, which reports the failure as the grade's message.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Callable

import pytest


class _CollectionErrors:
    def __init__(self) -> None:
        self.failed = 0

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.failed += 1


@dataclass
class Collected:
    config: pytest.Config
    session: pytest.Session

    def run(self, keep: Callable[[list[pytest.Item]], None], maxfail: int) -> None:
        """In the judge: ``keep`` narrows the items in place (and announces them); run them, finish."""
        session, config = self.session, self.config
        keep(session.items)
        session.testscollected = len(session.items)
        config.option.maxfail = maxfail
        exitstatus = pytest.ExitCode.OK
        try:
            config.hook.pytest_runtestloop(session=session)
        except (session.Failed, session.Interrupted):  # --maxfail reached
            exitstatus = pytest.ExitCode.TESTS_FAILED
        finally:
            config.hook.pytest_sessionfinish(session=session, exitstatus=exitstatus)


def collect(args: list[str], plugins: list[object]) -> Collected | None:
    """Configure pytest and collect ``args`` in this process, as ``pytest.main`` would, without running.

    Nothing reaches this process's output: the terminal reporter writes to the null device (and
    so it does in the judges, which inherit it).
    """
    from _pytest.config import _prepareconfig  # pytester builds its in-process sessions the same way

    errors = _CollectionErrors()
    saved = sys.stdout, sys.stderr
    null = open(os.devnull, "w")
    sys.stdout = sys.stderr = null
    autoload = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # the plugins are given: no other installed one
    config = None
    try:
        config = _prepareconfig(list(args), [*plugins, errors])
        config._do_configure()
        session = pytest.Session.from_config(config)
        config.hook.pytest_sessionstart(session=session)
        config.hook.pytest_collection(session=session)
    except BaseException:  # noqa: BLE001 - the judges' own pytest.main will say what went wrong
        _unconfigure(config)
        null.close()
        return None
    finally:
        sys.stdout, sys.stderr = saved
        if autoload is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = autoload
    if errors.failed or session.testsfailed:
        _unconfigure(config)
        null.close()
        return None
    return Collected(config, session)


def _unconfigure(config: pytest.Config | None) -> None:
    if config is None:
        return
    try:
        config._ensure_unconfigure()
    except BaseException:  # noqa: BLE001
        pass

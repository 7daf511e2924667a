"""Run one of our checks inside a Jupyter kernel, against the notebook's own definitions.

The nbgrader course's test cells call :func:`run_check`; the cell passes if the check passes, so
nbgrader's points per cell equal the grader's points per check.
"""
from __future__ import annotations

import contextlib
import io
import os

from grader import loader, plugin
from grader.catalogue import REPO, topic as topic_by_id
from grader.worker import GRADING_INI, plugins


def run_check(topic_id: str, name: str, namespace: dict, public: bool = False, timeout: float = 30) -> None:
    """Run check ``name`` of ``topic_id`` on the functions defined in ``namespace`` (a notebook's globals)."""
    import pytest

    topic = topic_by_id(topic_id)
    loader.use_namespace(topic_id, namespace)
    if name.startswith("test_contract[") and name.endswith("]"):  # judged from the kata's cells above
        try:
            plugin.contract_verdict(topic_id, name[len("test_contract["):-1])
        except (NotImplementedError, loader.NotAttempted) as error:
            raise AssertionError(f"not attempted: {error}") from None
        except Exception as error:
            raise AssertionError(f"failed: {plugin.first_line(error)}") from None
        print(f"passed: {name}")
        return
    path = topic.public_checks if public else topic.hidden_checks
    events: list[dict] = []
    plugin.sink, plugin.exclude, plugin.only_exercises = events.append, set(), None
    saved = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only our plugins, passed as objects
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            pytest.main([f"{path}::{name}", "-c", str(GRADING_INI), "--rootdir", str(REPO), "-p", "no:cacheprovider",
                         "--assert=plain", "--capture=no", "--import-mode=importlib", "-q", "-o", f"timeout={timeout}",
                         "-o", "timeout_method=signal"], plugins=plugins())
    finally:
        plugin.sink = None
        if saved is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved
    results = [e for e in events if e.get("event") == "result"]
    if not results:
        raise RuntimeError(f"check {name} of {topic_id} could not be run")
    status, message = results[0]["status"], results[0]["message"]
    if status != "passed":
        raise AssertionError(f"{status.replace('_', ' ')}: {message}")
    print(f"passed: {name}")

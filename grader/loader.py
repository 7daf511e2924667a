"""Load a learner's module from the tree being graded, by file path.

The tree is never put on ``sys.path``, so a file in a submission cannot shadow numpy, torch or
the grader; nothing is written next to it (no ``__pycache__``). A module that fails to import
is remembered, so every later check reports the same one-line reason at once instead of
importing again (an import that loops forever costs one timeout, not one per check).
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from grader.catalogue import EXERCISES, topic as topic_by_id


class LearnerError(Exception):
    """Base of the errors the grader reports about a learner's module."""


class NotAttempted(LearnerError):
    """The learner has not written this yet (module missing)."""


class LearnerImportError(LearnerError):
    """The learner's module could not be imported; the message says why in one line."""

    timed_out = False


_target: Path | None = None
_modules: dict[str, ModuleType] = {}
_failures: dict[str, LearnerError] = {}
_files: dict[str, set[str]] = {}  # topic -> files holding the learner's code, when not the module file


def set_target(target: os.PathLike | str) -> None:
    """Choose the tree (laid out like exercises/) that checks run against."""
    global _target
    _target = Path(target).resolve()
    _modules.clear()
    _failures.clear()
    _files.clear()


def use_namespace(topic_id: str, namespace: dict) -> ModuleType:
    """Grade code that lives in a namespace (a notebook's globals) instead of a file.

    The learner's "files" are then the files its functions were compiled from (notebook cells),
    so banned shortcuts and learner-only tracebacks keep working.
    """
    module = ModuleType(f"kata_notebook_{topic_id}")
    module.__dict__.update({k: v for k, v in namespace.items() if not k.startswith("__")})
    files, home = set(), namespace.get("__name__", "__main__")
    for value in namespace.values():
        if getattr(value, "__module__", None) != home:  # imported (run_check, numpy): not the learner's
            continue
        for fn in [value, *vars(value).values()] if isinstance(value, type) else [value]:
            code = getattr(fn, "__code__", None)
            if code is not None:
                files.add(code.co_filename)
    _modules[topic_id] = module
    _failures.pop(topic_id, None)
    _files[topic_id] = files
    return module


def learner_files(topic_id: str) -> set[str]:
    """Paths (as in code objects) of the files that hold the learner's code for a topic."""
    return _files.get(topic_id) or {str(module_path(topic_id))}


def target() -> Path:
    if _target is None:
        set_target(os.environ.get("KATA_TARGET") or EXERCISES)
    return _target


def module_path(topic_id: str) -> Path:
    return topic_by_id(topic_id).module_in(target())


def load(topic_id: str) -> ModuleType:
    """The learner's module for ``topic_id``, imported once per process."""
    if topic_id in _modules:
        return _modules[topic_id]
    if topic_id in _failures:
        raise _fresh(_failures[topic_id])  # a new instance: re-raising one object grows its traceback
    path = module_path(topic_id)
    try:
        module = _import(topic_id, path)
    except LearnerError as error:
        _failures[topic_id] = error
        raise
    _modules[topic_id] = module
    return module


def _fresh(error: LearnerError) -> LearnerError:
    copy = type(error)(*error.args)
    copy.__dict__.update(error.__dict__)
    return copy


def loaded(topic_id: str) -> ModuleType | None:
    return _modules.get(topic_id)


def _import(topic_id: str, path: Path) -> ModuleType:
    if not path.is_file():
        raise NotAttempted(f"{path} not found: create it from the stub in exercises/{topic_id}/")
    name = f"kata_submission_{topic_id}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    saved_dont_write = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        sys.modules.pop(name, None)
        raise LearnerImportError(
            f"{path.name} has a syntax error at line {error.lineno}: {error.msg}; fix it and grade again"
        ) from None
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # SystemExit, pytest-timeout's Failed, anything at import time
        sys.modules.pop(name, None)
        failure = LearnerImportError(_import_failure_message(path, error))
        failure.timed_out = "Timeout" in str(error) and type(error).__name__ == "Failed"
        raise failure from None
    finally:
        sys.dont_write_bytecode = saved_dont_write
    return module


def _import_failure_message(path: Path, error: BaseException) -> str:
    if isinstance(error, SystemExit):
        return f"{path.name} called sys.exit() while being imported: remove module-level exits"
    if type(error).__name__ == "Failed" and "Timeout" in str(error):
        return f"importing {path.name} did not finish in time: look for a loop or slow work at module level"
    line = _learner_line(path, error.__traceback__)
    where = f" at line {line}" if line else ""
    return f"importing {path.name} raised {type(error).__name__}{where}: {error}"


def _learner_line(path: Path, tb) -> int | None:
    line = None
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename) == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line

"""Ban "implement it yourself" shortcuts while a check runs.

A kata declares dotted names (``numpy.linalg.qr``, ``torch.nn.functional.scaled_dot_product_attention``).
While one of its checks runs, each name is swapped for a guard that calls through for everyone
except code in the learner's file, where it records the violation and raises
:class:`ShortcutUsed`. Aliases the learner bound at import (``from numpy.linalg import qr``) are
guarded too. The violation is recorded even if the learner's code swallows the exception.

>>> import numpy
>>> with banned(["numpy.linalg.qr"], learner_file="/nowhere.py", exercise="qr") as hits:
...     _ = numpy.linalg.qr(numpy.eye(2))   # called from here, not from the learner's file: allowed
>>> hits
[]
"""
from __future__ import annotations

import functools
import importlib
import sys
from contextlib import contextmanager
from types import ModuleType
from typing import Any, Iterator


_ABSENT = object()


class ShortcutUsed(Exception):
    """The learner called a function the kata asks them to implement themselves."""


def resolve(dotted: str) -> tuple[Any, str, Any]:
    """``"numpy.linalg.qr"`` -> (numpy.linalg module, "qr", the function)."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:-1]:
            owner = getattr(owner, attr)
        return owner, parts[-1], getattr(owner, parts[-1])
    raise ValueError(f"cannot resolve banned name {dotted!r}")


def _guard(original: Any, dotted: str, learner_files: set[str], exercise: str, hits: list[str],
           active: list[bool]):
    message = (f"`{dotted}` is not allowed in {exercise}: this kata asks you to implement it "
               f"yourself")

    def guarded(*args, **kwargs):
        # a guard some library cached while the ban held (numpy caches _methods._mean) passes through after
        if active[0] and sys._getframe(1).f_code.co_filename in learner_files:
            hits.append(dotted)
            raise ShortcutUsed(message)
        return original(*args, **kwargs)

    try:
        return functools.wraps(original)(guarded)
    except (AttributeError, TypeError):  # some builtins lack __dict__ etc.
        return guarded


@contextmanager
def banned(names: list[str] | tuple[str, ...], learner_file: str | set[str], exercise: str,
           learner_module: ModuleType | None = None) -> Iterator[list[str]]:
    """Guard ``names`` for the duration of the block; yields the list of violations seen."""
    files = {learner_file} if isinstance(learner_file, str) else set(learner_file)
    hits: list[str] = []
    active = [True]
    restore: list[tuple[Any, str, Any]] = []  # (owner, attr, value to put back or _ABSENT)
    try:
        for dotted in names:
            owner, attr, original = resolve(dotted)
            guard = _guard(original, dotted, files, exercise, hits, active)
            own = getattr(owner, "__dict__", {})
            # put back exactly what the owner itself held (a class's raw descriptor), or nothing
            restore.append((owner, attr, own[attr] if attr in own else _ABSENT))
            setattr(owner, attr, guard)
            if learner_module is not None:
                if isinstance(original, type) and any(
                        isinstance(v, type) and v is not original and issubclass(v, original)
                        for v in vars(learner_module).values()):
                    hits.append(dotted)  # subclassing the banned class is using it
                for key, value in list(vars(learner_module).items()):
                    if value is original:
                        restore.append((learner_module, key, value))
                        setattr(learner_module, key, guard)
        yield hits
    finally:
        active[0] = False
        for owner, attr, original in reversed(restore):
            if original is _ABSENT:
                delattr(owner, attr)
            else:
                setattr(owner, attr, original)

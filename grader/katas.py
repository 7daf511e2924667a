"""Per-topic kata list: ``exercises/<topic>/katas.toml``, read from the repository itself.

Each ``[[kata]]`` entry, in the order a learner should solve them::

    [[kata]]
    name = "gram_schmidt_qr"            # the exercise id used by @check(...)
    title = "QR by modified Gram-Schmidt"
    banned = ["numpy.linalg.qr"]        # calls not allowed inside the learner's module
    returns = "tuple[ndarray[float64], ndarray[float64]]"   # the contract (grader/contracts.py)
    modifies = []                       # arguments it may change in place
    may_alias = false                   # whether the result may share memory with an argument
    pins = [{ id = "r-diagonal-positive", quote = "positive diagonal" }]   # conventions of the brief
    hints = ["first hint", "second hint"]

A pin's ``quote`` is words of the brief that state the convention, verbatim; checks name the ids
they test (``@check(..., pins=[...])``) and ``make test`` fails on a pin no hidden check names.

The file is read from the repository's exercises/, never from the tree being graded, so a
submission cannot lift its own bans.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from grader.catalogue import Topic


@dataclass(frozen=True)
class Kata:
    name: str
    title: str
    banned: tuple[str, ...] = ()
    hints: tuple[str, ...] = field(default=())
    returns: str | dict | None = None  # a type, or {function: type} (grader/contracts.py)
    modifies: tuple[str, ...] = ()
    may_alias: bool = False
    pins: tuple[tuple[str, str], ...] = ()  # (id, quote of the brief)


@lru_cache(maxsize=None)
def katas_of(topic: Topic) -> tuple[Kata, ...]:
    """The topic's katas in order; () for a topic that is still coming."""
    path = topic.folder / "katas.toml"
    if not path.is_file():
        return ()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Kata(
            name=k["name"],
            title=k.get("title", k["name"]),
            banned=tuple(k.get("banned", ())),
            hints=tuple(k.get("hints", ())),
            returns=k.get("returns"),
            modifies=tuple(k.get("modifies", ())),
            may_alias=bool(k.get("may_alias", False)),
            pins=tuple((str(p["id"]), str(p.get("quote", ""))) for p in k.get("pins", ())),
        )
        for k in data.get("kata", ())
    )


def kata(topic: Topic, name: str) -> Kata | None:
    return next((k for k in katas_of(topic) if k.name == name), None)

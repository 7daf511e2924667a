"""Per-topic kata list: ``exercises/<topic>/katas.toml``, read from the repository itself.

Each ``[[kata]]`` entry, in the order a learner should solve them::

    [[kata]]
    name = "gram_schmidt_qr"            # the exercise id used by @check(...)
    title = "QR by modified Gram-Schmidt"
    banned = ["numpy.linalg.qr"]        # calls not allowed inside the learner's module
    hints = ["first hint", "second hint"]

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
        )
        for k in data.get("kata", ())
    )


def kata(topic: Topic, name: str) -> Kata | None:
    return next((k for k in katas_of(topic) if k.name == name), None)

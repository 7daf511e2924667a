"""Build the trees the project's tests grade: the reference, the stubs, and known-wrong variants.

A known-wrong variant lives at ``tests/variants/<topic>/<kata>/<bug>.py`` and holds only the
wrong definition(s) (plus imports); its first docstring line says what the bug is. Its tree is
the reference module with the variant appended, so the wrong definitions replace the right ones
and every other kata of the topic stays correct.
"""
from __future__ import annotations

import ast
import shutil
from dataclasses import dataclass
from pathlib import Path

from grader.catalogue import EXERCISES, SOLUTIONS, Topic, all_topics

VARIANTS = Path(__file__).resolve().parent / "variants"


def available_topics() -> list[Topic]:
    return [t for t in all_topics() if t.available]


@dataclass(frozen=True)
class Variant:
    topic: Topic
    kata: str
    bug: str
    path: Path

    @property
    def id(self) -> str:
        return f"{self.topic.id}/{self.kata}/{self.bug}"

    @property
    def description(self) -> str:
        return (ast.get_docstring(ast.parse(self.path.read_text(encoding="utf-8"))) or "").splitlines()[0]


def variants_of(topic: Topic) -> list[Variant]:
    root = VARIANTS / topic.id
    return [Variant(topic, p.parent.name, p.stem, p) for p in sorted(root.glob("*/*.py"))]


def all_variants() -> list[Variant]:
    return [v for t in available_topics() for v in variants_of(t)]


def build_variant_tree(variant: Variant, root: Path) -> Path:
    """``root/<topic>/<topic>.py`` = reference + variant; returns ``root``."""
    topic = variant.topic
    folder = root / topic.id
    folder.mkdir(parents=True, exist_ok=True)
    reference = topic.module_in(SOLUTIONS).read_text(encoding="utf-8")
    wrong = variant.path.read_text(encoding="utf-8")
    (folder / f"{topic.id}.py").write_text(
        f"{reference}\n\n# ---- known-wrong variant {variant.id} ----\n{wrong}", encoding="utf-8")
    return root


def copy_tree(source: Path, root: Path, topics: list[Topic]) -> Path:
    """Copy just the learner modules of ``topics`` from ``source`` to ``root``."""
    for topic in topics:
        dest = topic.module_in(root)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(topic.module_in(source), dest)
    return root


STUBS = EXERCISES
REFERENCE = SOLUTIONS

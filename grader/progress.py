"""The learner's loop between grades: progress saved from the last grade, `next`, and hints.

State lives in :func:`state_dir` (never in the graded tree) and only grades of
the learner's own ``exercises/`` are recorded.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from grader.catalogue import EXERCISES, REPO, Topic, all_topics
from grader.katas import Kata, katas_of
from grader.results import GradeReport

def state_dir() -> Path:
    """``.katas/`` at the repository root, or ``$KATA_STATE_DIR`` (the project's tests use a scratch one)."""
    return Path(os.environ.get("KATA_STATE_DIR") or REPO / ".katas")


def _read(name: str) -> dict:
    path = state_dir() / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write(name: str, data: dict) -> None:
    folder = state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{name}.tmp"
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    tmp.replace(folder / name)


def record(report: GradeReport) -> None:
    """Remember a grade of the learner's exercises/ (other trees are not the learner's progress)."""
    if Path(report.target).resolve() != EXERCISES.resolve():
        return
    progress = _read("progress.json")
    for topic in report.topics:
        if topic.status != "graded":
            continue
        progress[topic.topic.id] = {
            "score": topic.score, "max_score": topic.max_score,
            "exercises": {e.name: e.status for e in topic.exercises()},
        }
    _write("progress.json", progress)


def last_grades() -> dict:
    return _read("progress.json")


def kata_passed(topic: Topic, kata: Kata, progress: dict | None = None) -> bool:
    progress = last_grades() if progress is None else progress
    return progress.get(topic.id, {}).get("exercises", {}).get(kata.name) == "passed"


def next_kata(topic: Topic | None = None) -> tuple[Topic, Kata] | None:
    """The first kata (in catalogue order, or within ``topic``) not passed at the last grade."""
    progress = last_grades()
    for t in ([topic] if topic else all_topics()):
        for k in katas_of(t):
            if not kata_passed(t, k, progress):
                return t, k
    return None


def next_hints(topic: Topic, kata: Kata, all_at_once: bool = False) -> tuple[list[str], bool]:
    """Hints to show now (one more than last time), and whether every hint is now shown."""
    shown = _read("hints.json")
    key = f"{topic.id}.{kata.name}"
    count = len(kata.hints) if all_at_once else min(len(kata.hints), shown.get(key, 0) + 1)
    shown[key] = count
    _write("hints.json", shown)
    return list(kata.hints[:count]), count >= len(kata.hints)

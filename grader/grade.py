"""Grade a tree laid out like exercises/: pick topics from the catalogue, run them, collect."""
from __future__ import annotations

from pathlib import Path

from grader.catalogue import Phase, Topic, all_topics, select_phases
from grader.results import GradeReport, TopicResult
from grader.worker import Job, Limits, preload, run_jobs


class GradingError(Exception):
    """Grading cannot happen at all (bad phase, missing target); the message is one line."""


def hidden_checks_present(topics: list[Topic]) -> bool:
    return any(t.hidden_checks.is_file() for t in topics if t.available)


def validate_target(target: Path | str) -> Path:
    path = Path(target)
    if not path.exists():
        raise GradingError(f"target folder {str(target)!r} does not exist: pass TARGET=<folder laid out like exercises/>")
    if not path.is_dir():
        raise GradingError(f"target {str(target)!r} is not a folder: pass TARGET=<folder laid out like exercises/>")
    return path.resolve()


def phases_for(spec: str) -> list[Phase]:
    try:
        return select_phases(spec)
    except ValueError as error:
        raise GradingError(str(error)) from None


def grade(target: Path | str, phase_spec: str = "all", limits: Limits = Limits(),
          workers: int | None = None, only_exercises: dict[str, set[str]] | None = None,
          topic_id: str | None = None) -> GradeReport:
    """Grade ``target`` for the phases in ``phase_spec`` ("1" .. "6" or "all"), or one topic."""
    root = validate_target(target)
    topics = [t for p in phases_for(phase_spec) for t in p.topics]
    if topic_id:
        topics = [t for t in all_topics() if t.id == topic_id]
        if not topics:
            raise GradingError(f"unknown topic {topic_id!r}: use one of {', '.join(t.id for t in all_topics())}")
        phase_spec = str(topics[0].phase)
    available = [t for t in topics if t.available]
    hidden = hidden_checks_present(available)
    preload(available, jail=limits.jail)
    jobs = [Job(t, root, hidden=hidden,
                only_exercises=frozenset(only_exercises[t.id]) if only_exercises and t.id in only_exercises else None)
            for t in available]
    graded = dict(zip([j.topic.id for j in jobs], run_jobs(jobs, limits, workers)))
    results = [graded.get(t.id) or TopicResult(t, status="coming") for t in topics]
    return GradeReport(phase=str(phase_spec), target=str(root), topics=results, hidden_checks=hidden)

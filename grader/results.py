"""Check, topic and grade results, and their JSON form (the grader's documented output)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from grader.catalogue import Topic
from grader.katas import katas_of

STATUSES = ("passed", "failed", "error", "timeout", "not_attempted")


@dataclass
class CheckResult:
    name: str
    exercise: str
    max_score: float
    visibility: str = "hidden"
    status: str = "error"
    score: float = 0.0
    message: str = ""
    seconds: float = 0.0
    traceback: list[str] = field(default_factory=list)


@dataclass
class ExerciseResult:
    name: str
    title: str
    score: float
    max_score: float
    status: str  # passed | partial | not_attempted | failed


@dataclass
class TopicResult:
    topic: Topic
    status: str = "graded"  # graded | coming | error
    message: str = ""
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def score(self) -> float:
        return round(sum(c.score for c in self.checks), 6)

    @property
    def max_score(self) -> float:
        return round(sum(c.max_score for c in self.checks), 6)

    def exercises(self) -> list[ExerciseResult]:
        """Per-exercise totals, in the topic's kata order (unknown exercises last)."""
        order = [k.name for k in katas_of(self.topic)]
        titles = {k.name: k.title for k in katas_of(self.topic)}
        names = order + sorted({c.exercise for c in self.checks} - set(order))
        out = []
        for name in names:
            checks = [c for c in self.checks if c.exercise == name]
            if not checks:
                continue
            score = round(sum(c.score for c in checks), 6)
            top = round(sum(c.max_score for c in checks), 6)
            if score == top:
                status = "passed"
            elif all(c.status == "not_attempted" for c in checks):
                status = "not_attempted"
            elif score > 0:
                status = "partial"
            else:
                status = "failed"
            out.append(ExerciseResult(name, titles.get(name, name), score, top, status))
        return out

    def to_dict(self) -> dict:
        return {
            "topic": self.topic.id,
            "title": self.topic.title,
            "phase": self.topic.phase,
            "status": self.status,
            "message": self.message,
            "score": self.score,
            "max_score": self.max_score,
            "exercises": [asdict(e) for e in self.exercises()],
            "checks": [asdict(c) for c in self.checks],
        }


@dataclass
class GradeReport:
    phase: str
    target: str
    topics: list[TopicResult]
    hidden_checks: bool = True

    @property
    def score(self) -> float:
        return round(sum(t.score for t in self.topics), 6)

    @property
    def max_score(self) -> float:
        return round(sum(t.max_score for t in self.topics), 6)

    def to_dict(self) -> dict:
        return {
            "phase": self.phase,
            "target": self.target,
            "hidden_checks": self.hidden_checks,
            "score": self.score,
            "max_score": self.max_score,
            "topics": [t.to_dict() for t in self.topics],
        }

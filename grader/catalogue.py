"""The one catalogue: which phases hold which topics, in order, with titles.

Everything else (the CLI, the Makefile through the CLI, progress, editions, notebooks) reads
this module; nothing repeats it. A topic is *available* once its folder ``exercises/<id>/``
holds a ``katas.toml``; until then it is listed as "coming" and not counted.

>>> [t.id for t in phase(1).topics]
['linear_algebra', 'probability']
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXERCISES = REPO / "exercises"
SOLUTIONS = REPO / "solutions"
HIDDEN_CHECKS = Path(__file__).resolve().parent / "checks"


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    phase: int

    @property
    def folder(self) -> Path:
        """The topic's folder in the repository's own exercises/ (brief, katas.toml, public checks)."""
        return EXERCISES / self.id

    @property
    def brief(self) -> Path:
        return self.folder / "README.md"

    @property
    def public_checks(self) -> Path:
        return self.folder / f"test_{self.id}.py"

    @property
    def hidden_checks(self) -> Path:
        return HIDDEN_CHECKS / f"{self.id}.py"

    @property
    def available(self) -> bool:
        return (self.folder / "katas.toml").is_file()

    def module_in(self, target: Path) -> Path:
        """Where a tree laid out like exercises/ keeps this topic's learner module."""
        return Path(target) / self.id / f"{self.id}.py"


@dataclass(frozen=True)
class Phase:
    number: int
    title: str
    topics: tuple[Topic, ...]


def _phase(number: int, title: str, *topics: tuple[str, str]) -> Phase:
    return Phase(number, title, tuple(Topic(tid, ttitle, number) for tid, ttitle in topics))


PHASES: tuple[Phase, ...] = (
    _phase(1, "Theoretical bedrock",
           ("linear_algebra", "Linear Algebra"),
           ("probability", "Probability & Statistics")),
    _phase(2, "Classical ML",
           ("supervised", "Supervised Learning"),
           ("unsupervised", "Unsupervised Learning")),
    _phase(3, "Deep learning",
           ("neural_networks", "Neural Network Basics"),
           ("architectures", "Deep Learning Architectures"),
           ("attention", "Transformers & Attention")),
    _phase(4, "Generative AI",
           ("transformer_architecture", "The Decoder-only LLM"),
           ("llm_lifecycle", "LLM Lifecycle: Pre-training, Fine-tuning, Alignment")),
    _phase(5, "Retrieval & orchestration",
           ("rag", "Retrieval-Augmented Generation"),
           ("agents", "Agentic Workflows")),
    _phase(6, "MLOps & LLMOps",
           ("production", "MLOps & LLMOps")),
)


def all_topics() -> list[Topic]:
    return [t for p in PHASES for t in p.topics]


def phase(number: int) -> Phase:
    for p in PHASES:
        if p.number == number:
            return p
    raise KeyError(number)


def topic(topic_id: str) -> Topic:
    for t in all_topics():
        if t.id == topic_id:
            return t
    raise KeyError(topic_id)


def select_phases(spec: str) -> list[Phase]:
    """``"3"`` -> [phase 3]; ``"all"`` -> every phase; anything else raises ValueError."""
    if str(spec).strip().lower() == "all":
        return list(PHASES)
    try:
        return [phase(int(spec))]
    except (ValueError, KeyError):
        numbers = ", ".join(str(p.number) for p in PHASES)
        raise ValueError(f"unknown phase {spec!r}: use one of {numbers} or 'all'") from None

"""Every topic proves its checks: the reference gets full marks, the stubs get zero, every
known-wrong variant loses points on its own kata and nowhere else, and every correct alternative
implementation keeps full marks."""
from __future__ import annotations

import ast
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from grader.bans import resolve
from grader.catalogue import EXERCISES, SOLUTIONS
from grader.katas import katas_of
from grader.results import TopicResult
from grader.worker import Job, Limits, preload, run_jobs
from tests.kata_cases import Variant, alternatives_of, available_topics, variant_jobs, variants_of

TOPICS = available_topics()
TOPIC_IDS = [t.id for t in TOPICS]
VARIANTS = [v for t in TOPICS for v in variants_of(t)]
ALTERNATIVES = [v for t in TOPICS for v in alternatives_of(t)]


@lru_cache(maxsize=None)
def graded(topic_id: str) -> dict[str, TopicResult]:
    """Grade the reference, the stubs and every variant and alternative of one topic.

    The reference and the stubs are graded as a class is, in jails. The variants and alternatives
    prove the checks, not the jail (tests/test_hostile.py, test_isolation.py and test_jail.py do):
    each is graded in a forked worker of its own with its code imported there and the bans watched
    in process by name and by identity, several times faster than through a jail.
    """
    topic = next(t for t in TOPICS if t.id == topic_id)
    jailed = [Job(topic, SOLUTIONS, key="solution", jail=True), Job(topic, EXERCISES, key="stub", jail=True)]
    jobs = variant_jobs(topic, Path(tempfile.mkdtemp(prefix=f"kata-variants-{topic_id}-")))
    preload([topic])  # and the jails' zygote
    # one run, three at a time on two cores (a judge waits on its jail, a worker on its pipes): the
    # jailed reference starts first and the variants fill the core its jail leaves idle
    results = run_jobs(jailed + jobs, Limits(check_timeout=30, topic_deadline=300, jail=False), workers=3)
    return {job.key: result for job, result in zip(jailed + jobs, results)}


def _lost(result: TopicResult) -> str:
    return "; ".join(f"{c.name} [{c.status}] {c.message}" for c in result.checks if c.status != "passed")


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_reference_solution_gets_full_marks(topic_id):
    result = graded(topic_id)["solution"]
    assert result.status == "graded", result.message
    assert result.checks, "no checks were collected"
    assert result.score == result.max_score, _lost(result)


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_untouched_stub_scores_zero_as_not_attempted(topic_id):
    result = graded(topic_id)["stub"]
    assert result.status == "graded", result.message
    assert result.score == 0
    wrong = [c for c in result.checks if c.status != "not_attempted"]
    assert not wrong, _lost(result)


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])
def test_known_wrong_variant_loses_points_on_its_kata_only(variant: Variant):
    result = graded(variant.topic.id)[variant.key]
    exercises = {e.name: e for e in result.exercises()}
    target = exercises[variant.kata]
    assert target.score < target.max_score, f"{variant.description!r} kept full marks on {variant.kata}"
    others = [e.name for e in exercises.values() if e.name != variant.kata and e.score < e.max_score]
    assert not others, f"{variant.id} also lost points on {others}: {_lost(result)}"
    for check in result.checks:
        if check.status in ("failed", "error"):
            assert check.message.strip(), f"{check.name} failed without a message"


@pytest.mark.parametrize("alternative", ALTERNATIVES, ids=[v.id for v in ALTERNATIVES])
def test_correct_alternative_keeps_full_marks(alternative: Variant):
    result = graded(alternative.topic.id)[alternative.key]
    assert result.status == "graded", result.message
    assert result.score == result.max_score, f"{alternative.description!r} lost points: {_lost(result)}"


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_every_kata_has_public_and_hidden_checks_two_variants_and_an_alternative(topic_id):
    topic = next(t for t in TOPICS if t.id == topic_id)
    result = graded(topic_id)["solution"]
    katas = [k.name for k in katas_of(topic)]
    assert katas, "katas.toml lists no kata"
    unknown = {c.exercise for c in result.checks} - set(katas)
    assert not unknown, f"checks name exercises missing from katas.toml: {unknown}"
    variants = [v.kata for v in variants_of(topic)]
    for name in katas:
        visibilities = {c.visibility for c in result.checks if c.exercise == name}
        assert visibilities == {"public", "hidden"}, f"{name} needs public and hidden checks, has {visibilities}"
        assert variants.count(name) >= 2, f"{name} needs at least two known-wrong variants under tests/variants"
    assert set(variants) <= set(katas), f"variants for unknown katas: {set(variants) - set(katas)}"
    alternatives = {v.kata for v in alternatives_of(topic)}
    assert alternatives <= set(katas), f"alternatives for unknown katas: {alternatives - set(katas)}"
    bare = [name for name in katas if name not in alternatives]
    assert not bare, f"{bare} need a correct alternative under tests/alternatives (a right answer written another way)"


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_katas_declare_resolvable_bans_and_hints(topic_id):
    topic = next(t for t in TOPICS if t.id == topic_id)
    for kata in katas_of(topic):
        assert kata.hints, f"{kata.name} has no hints"
        for dotted in kata.banned:
            resolve(dotted)


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_stub_functions_only_raise_not_implemented(topic_id):
    topic = next(t for t in TOPICS if t.id == topic_id)
    tree = ast.parse(topic.module_in(EXERCISES).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = [b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
            assert len(body) == 1 and isinstance(body[0], ast.Raise), \
                f"stub {node.name} should only raise NotImplementedError"

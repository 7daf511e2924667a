"""Mutation testing (tests/mutants.py, ``make mutants``): the operators make the mutants they should,
ids stay stable while lines move, and every mutant listed as equivalent in tests/mutants/<topic>.toml
still exists and says why."""
from __future__ import annotations

import pytest

from grader.catalogue import SOLUTIONS, topic as find_topic
from tests.mutants import MUTANTS, equivalents, mutants_of, verdict

SOURCE = '''
def clip(x, lo=0.0, hi=1.0):
    """Doc."""
    y = min(max(x, lo), hi)
    if y <= lo and not x:
        return -y
    total = 0
    for i in range(3):
        total += i
        break
    return round(y * 2, ndigits=3)
'''


def test_the_classic_operators_make_their_mutants():
    ids = {m.id for m in mutants_of(SOURCE)}
    for expected in ["clip | y <= lo -> y < lo", "clip | y <= lo and (not x) -> y <= lo or not x",
                     "clip | -y -> y", "clip | not x -> x", "clip | total += i -> total -= i",
                     "clip | total += i -> total = i", "clip | break -> continue", "clip | min -> max",
                     "clip | round(y * 2, ndigits=3) -> round(y * 2)", "clip | y * 2 -> y / 2",
                     "clip | 0 -> 1", "clip | y = min(max(x, lo), hi) -> (dropped)"]:
        assert expected in ids, f"missing mutant {expected!r}"
    assert not [i for i in ids if "Doc." in i], "the docstring is never mutated"


def test_ids_do_not_depend_on_line_numbers():
    moved = "\n\n\n# a comment\n" + SOURCE
    assert [m.id for m in mutants_of(SOURCE)] == [m.id for m in mutants_of(moved)] \
        == [m.id for m in mutants_of(SOURCE, sources=False)]
    assert all(m.source != SOURCE for m in mutants_of(SOURCE))


@pytest.mark.parametrize("path", sorted(MUTANTS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_listed_equivalent_mutant_still_exists_and_says_why(path):
    topic = find_topic(path.stem)
    existing = {m.id for m in mutants_of(topic.module_in(SOLUTIONS).read_text(encoding="utf-8"), sources=False)}
    for mutant_id, why in equivalents(topic.id).items():
        assert mutant_id in existing, f"{path.name}: no such mutant any more: {mutant_id!r} (remove it)"
        assert why.strip(), f"{path.name}: say why {mutant_id!r} is equivalent"


def test_a_mutant_is_killed_by_a_check_not_by_the_graders_own_limits():
    from grader.results import CheckResult, TopicResult

    topic = find_topic("linear_algebra")

    def graded(*checks):
        return TopicResult(topic, checks=[CheckResult("c", "lu_solve", 1, status=s, message=m) for s, m in checks])

    assert verdict(graded(("passed", ""), ("passed", ""))) == "survived"
    assert verdict(graded(("failed", "wrong x"), ("error", "not run: the grader worker stopped before this check"))) == "killed"
    assert verdict(graded(("timeout", "Timeout (>10.0s) from pytest-timeout."))) == "killed"  # the mutant hangs
    assert verdict(graded(("passed", ""), ("timeout", "the topic ran past its 120 s limit during this check"),
                          ("timeout", "not run: the topic ran past its 120 s limit"))) == "inconclusive"
    assert verdict(TopicResult(topic, status="error", message="the grader worker crashed before any check ran")) == "inconclusive"

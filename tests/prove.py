"""Prove one topic's checks quickly while writing them: ``python -m tests.prove TOPIC [KATA ...]``.

Grades the reference, the stub and every known-wrong variant and correct alternative of the given
katas (all of the topic's when none is named) in one batch of jailed jobs, as ``make test`` does,
and prints one line per tree: what it scored on its kata and, for a failure of the proof, why.

    $ python -m tests.prove linear_algebra lu_solve      # --why: what each wrong one lost
    ok    reference                          27/27
    ok    stub                                0/27
    ok    wrong lu_solve/no_pivoting          17/27
    FAIL  wrong lu_solve/pivot_only_on_zero   27/27  kept full marks
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from grader.catalogue import EXERCISES, SOLUTIONS, topic as find_topic
from grader.worker import Job, Limits, preload, run_jobs
from tests.kata_cases import alternatives_of, build_variant_tree, variants_of


def _score(result, katas: set[str]) -> tuple[float, float]:
    exercises = [e for e in result.exercises() if e.name in katas]
    return sum(e.score for e in exercises), sum(e.max_score for e in exercises)


def _lost(result, katas: set[str]) -> str:
    return "; ".join(f"{c.name}: {c.message[:160]}" for c in result.checks
                     if c.exercise in katas and c.status != "passed")


def main(argv: list[str]) -> int:
    show_why = "--why" in argv  # also say what each known-wrong variant lost, and why
    argv = [a for a in argv if a != "--why"]
    if not argv:
        print("usage: python -m tests.prove TOPIC [KATA ...] [--why]")
        return 2
    topic = find_topic(argv[0])
    trees = [v for v in variants_of(topic) + alternatives_of(topic) if not argv[1:] or v.kata in argv[1:]]
    katas = set(argv[1:]) or None
    scratch = Path(tempfile.mkdtemp(prefix=f"kata-prove-{topic.id}-"))
    jobs = [Job(topic, SOLUTIONS, only_exercises=frozenset(katas) if katas else None, key="reference"),
            Job(topic, EXERCISES, only_exercises=frozenset(katas) if katas else None, key="stub")]
    for tree in trees:
        root = build_variant_tree(tree, scratch / tree.key.replace(":", "-").replace("/", "-"))
        jobs.append(Job(topic, root, only_exercises=frozenset({tree.kata}), key=tree.key))
    preload([topic])
    results = run_jobs(jobs, Limits(check_timeout=30, topic_deadline=300))
    failures = 0
    for job, result in zip(jobs, results):
        tree = next((t for t in trees if t.key == job.key), None)
        scope = {tree.kata} if tree else (katas or {e.name for e in result.exercises()})
        got, out_of = _score(result, scope)
        if tree is None:
            label, good = job.key, (got == out_of if job.key == "reference" else got == 0)
            why = _lost(result, scope) if job.key == "reference" else "scored points"
        elif tree.correct:
            label, good, why = f"right {tree.kata}/{tree.bug}", got == out_of, _lost(result, scope)
        else:
            label, good = f"wrong {tree.kata}/{tree.bug}", got < out_of
            why = _lost(result, scope) if good else "kept full marks"
        failures += not good
        shown = why if not good or (show_why and tree is not None and not tree.correct) else ""
        print(f"{'ok  ' if good else 'FAIL'}  {label:58s} {got:g}/{out_of:g}" + (f"  {shown}" if shown else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

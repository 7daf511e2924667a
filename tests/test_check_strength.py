"""The checks are strong at the edges: every convention the brief pins is traced to a hidden check,
every parameter with a default is set to another value by one, every kata declares its contract,
and the hidden checks run every branch of the reference.

One run of the hidden checks against the reference, in process, under coverage.py (branch mode),
with the contract log on (tests/reference_run.py), feeds every test here.

Every topic is held to it (STRENGTH_TOPICS); KATA_STRENGTH_TOPICS narrows the run to a few.
"""
from __future__ import annotations

import ast
import os
import re
from functools import lru_cache

import pytest

from grader.catalogue import EXERCISES, SOLUTIONS, all_topics, topic as find_topic
from grader.contracts import declared_returns, parse, signature_in
from grader.katas import katas_of
from tests import reference_run
from tests.reference_run import ReferenceRun

STRENGTH_TOPICS = [t.id for t in all_topics() if t.available]  # every topic, phases 1-6
# KATA_STRENGTH_TOPICS=attention,rag: hold just these (a topic's author, while writing its checks)
if os.environ.get("KATA_STRENGTH_TOPICS"):
    STRENGTH_TOPICS = [t.strip() for t in os.environ["KATA_STRENGTH_TOPICS"].split(",") if t.strip()]
#: A line of the reference that no hidden check needs to run says why: ``# pragma: no cover (why)``
#: or, for one side of a branch, ``# pragma: no branch (why)``.
PRAGMA = re.compile(r"#\s*pragma:\s*no (cover|branch)\b(.*)$")


@lru_cache(maxsize=None)
def _run() -> ReferenceRun:
    """The hidden checks of every strength topic against the reference: the log and the coverage."""
    return reference_run.run([find_topic(t) for t in STRENGTH_TOPICS], stop_at_first=True, processes=2)


def _brief(topic_id: str) -> str:
    return " ".join((find_topic(topic_id).folder / "README.md").read_text(encoding="utf-8").split())


def _hidden_checks(topic_id: str) -> list[dict]:
    return [c for c in _run().log.get("checks", []) if c["topic"] == topic_id and c["visibility"] == "hidden"]


def test_the_hidden_checks_pass_on_the_reference_in_one_process():
    result = _run()
    assert result.returncode == 0, result.output


@pytest.mark.parametrize("topic_id", STRENGTH_TOPICS)
def test_every_kata_declares_its_contract(topic_id):
    topic = find_topic(topic_id)
    stub = topic.module_in(EXERCISES).read_text(encoding="utf-8")
    functions = {n.name for n in ast.parse(stub).body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")}
    declared: set[str] = set()
    for kata in katas_of(topic):
        returns = declared_returns(kata)
        # a kata that is a class alone (LinearRegression, PCA) is held to its hand-written checks:
        # contracts watch module-level functions
        assert returns or signature_in(stub, kata.name) is None, f"{kata.name} declares no `returns` contract in katas.toml"
        for function, spec in returns.items():
            parse(spec)  # readable
            assert signature_in(stub, function) is not None, f"{kata.name}: `{function}` is not a function of the stub"
        declared |= set(returns)
    assert functions <= declared, f"functions of the stub with no contract: {sorted(functions - declared)}"


@pytest.mark.parametrize("topic_id", STRENGTH_TOPICS)
def test_every_pinned_convention_is_quoted_from_the_brief(topic_id):
    brief = _brief(topic_id)
    for kata in katas_of(find_topic(topic_id)):
        ids = [pin for pin, _ in kata.pins]
        assert len(ids) == len(set(ids)), f"{kata.name}: a pin id is declared twice"
        for pin, quote in kata.pins:
            assert quote.strip(), f"{kata.name}: pin {pin!r} has no quote of the brief"
            assert " ".join(quote.split()) in brief, f"{kata.name}: the brief does not say {quote!r} (pin {pin!r})"


@pytest.mark.parametrize("topic_id", STRENGTH_TOPICS)
def test_every_pinned_convention_has_a_hidden_check_and_every_named_pin_exists(topic_id):
    checks = _hidden_checks(topic_id)
    assert checks, "no hidden check ran"
    for kata in katas_of(find_topic(topic_id)):
        assert kata.pins, f"{kata.name} pins no convention in katas.toml"
        named = {p for c in checks if c["kata"] == kata.name for p in c["pins"]}
        declared = {pin for pin, _ in kata.pins}
        assert not declared - named, f"{kata.name}: pinned conventions no hidden check tests: {sorted(declared - named)}"
        assert not named - declared, f"{kata.name}: checks name pins katas.toml does not declare: {sorted(named - declared)}"


@pytest.mark.parametrize("topic_id", STRENGTH_TOPICS)
def test_every_parameter_with_a_default_is_set_otherwise_by_a_hidden_check(topic_id):
    topic = find_topic(topic_id)
    stub = topic.module_in(EXERCISES).read_text(encoding="utf-8")
    katas = _run().log.get("katas", {})
    for kata in katas_of(topic):
        seen = set(katas.get(f"{topic_id}:{kata.name}", {}).get("nondefault", []))
        for function in declared_returns(kata):
            for parameter in signature_in(stub, function) or ():
                if parameter.default is not None:
                    assert f"{function}.{parameter.name}" in seen, \
                        f"{kata.name}: no hidden check calls {function} with {parameter.name} other than {parameter.default}"


@pytest.mark.parametrize("topic_id", STRENGTH_TOPICS)
def test_the_hidden_checks_run_every_branch_of_the_reference(topic_id):
    path = find_topic(topic_id).module_in(SOLUTIONS)
    entry = _run().file(path)
    assert entry, f"coverage saw nothing of {path.name}"
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        found = PRAGMA.search(line)
        if found:
            assert found.group(2).strip(" ()-:"), f"{path.name}:{number}: say why, e.g. `# pragma: no cover (why)`"
    missing = [f"line {n}" for n in entry.get("missing_lines", [])]
    missing += [f"branch {a}->{b if b > 0 else 'exit'}" for a, b in entry.get("missing_branches", [])]
    assert not missing, f"{path.name}: the hidden checks never run {', '.join(missing[:12])}"

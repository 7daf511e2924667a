"""Public checks for the agents topic: the basics of each kata. `make check TOPIC=agents`.
The hidden checks (`make grade PHASE=5`) go further: label case and spacing, malformed replies,
type validation, transcripts of seeded scripted runs, step limits, reducers, recursion limits,
state not mutated, token budgets and exact backoff delays."""
import json
import random

import pytest

from grader.check import assert_close, check, expect, learner

ag = learner("agents")


class Script:
    """A scripted fake LLM: returns the replies in order and records what it was shown."""

    def __init__(self, replies):
        self.replies, self.seen = list(replies), []

    def __call__(self, messages):
        self.seen.append([dict(m) for m in messages])
        if len(self.seen) > len(self.replies):
            raise AssertionError(f"the LLM was called {len(self.seen)} times but the script has {len(self.replies)} "
                                 "replies: stop at the final answer / FINISH, and after max_steps calls")
        return self.replies[len(self.seen) - 1]


class Tools:
    def describe(self):
        return "add(a: int, b: int): Add two integers."

    def call(self, name, args):
        return str(args["a"] + args["b"]) if name == "add" else f"Error: unknown tool '{name}'"


def strict_parse(text):
    """A strict stand-in for parse_react, so that these checks grade the loop alone."""
    if "Final Answer:" in text:
        return ag.FinalAnswer(text.split("Final Answer:", 1)[1].strip())
    fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    if "Action" not in fields or "Action Input" not in fields:
        raise ag.ParseError("expected Action and Action Input")
    return ag.Action(fields["Action"], json.loads(fields["Action Input"]))


@check("parse_react")
def test_parse_action_and_final_answer():
    got = ag.parse_react('Thought: look it up\nAction: search\nAction Input: {"q": "Ada", "n": 2}')
    expect(type(got).__name__ == "Action" and got.tool == "search" and got.input == {"q": "Ada", "n": 2},
           "expected Action(tool='search', input={'q': 'Ada', 'n': 2})")
    got = ag.parse_react("Thought: I know\nFinal Answer: 1815")
    expect(type(got).__name__ == "FinalAnswer" and got.text == "1815", "expected FinalAnswer(text='1815')")


@check("parse_react")
def test_parse_garbage_raises_parse_error():
    with pytest.raises(ag.ParseError):
        ag.parse_react("I am not following the format.")


@check("tool_registry")
def test_registry_call_and_errors():
    reg = ag.ToolRegistry()
    reg.register("add", lambda a, b: a + b, {"a": int, "b": int}, "Add two integers.")
    expect(reg.call("add", {"a": 2, "b": 3}) == "5", "call returns str(fn(**args))")
    expect(reg.call("add", {"a": 2}).startswith("Error: missing argument"), "a missing argument is an error string")
    expect(reg.call("add", {"a": 2, "b": "3"}).startswith("Error: argument"), "a wrong type is an error string")
    expect(reg.describe() == "add(a: int, b: int): Add two integers.", "describe(): 'name(arg: type, ...): description'")


@check("run_react_agent")
def test_react_one_tool_call_then_answer():
    llm = Script(['Thought: add\nAction: add\nAction Input: {"a": 2, "b": 3}', "Thought: done\nFinal Answer: 5"])
    result = ag.run_react_agent(llm, Tools(), "What is 2 + 3?", max_steps=5, parse=strict_parse)
    expect(result["answer"] == "5" and result["stop_reason"] == "final_answer" and result["steps"] == 2,
           "expected answer '5' after 2 steps")
    expect(result["messages"][1:] == [
        {"role": "user", "content": "What is 2 + 3?"},
        {"role": "assistant", "content": llm.replies[0]},
        {"role": "tool", "content": "Observation: 5"},
        {"role": "assistant", "content": llm.replies[1]},
    ], "transcript after the system message: question, reply, observation, reply")


@check("run_react_agent")
def test_react_max_steps():
    llm = Script(['Action: add\nAction Input: {"a": 1, "b": 1}'] * 3)
    result = ag.run_react_agent(llm, Tools(), "loop", max_steps=3, parse=strict_parse)
    expect(len(llm.seen) == 3 and result["answer"] is None and result["stop_reason"] == "max_steps",
           "3 LLM calls, then answer None and stop_reason 'max_steps'")


@check("state_graph")
def test_graph_two_nodes_with_reducer():
    g = ag.StateGraph(reducers={"messages": ag.append})
    g.add_node("a", lambda s: {"messages": ["from a"], "n": s["n"] + 1})
    g.add_node("b", lambda s: {"messages": ["from b"], "n": s["n"] * 10})
    g.set_entry_point("a")
    g.add_edge("a", "b")
    g.add_edge("b", ag.END)
    got = g.compile().invoke({"messages": ["start"], "n": 1})
    expect(got == {"messages": ["start", "from a", "from b"], "n": 20}, "messages append through the reducer; n is overwritten")


@check("state_graph")
def test_graph_recursion_limit():
    g = ag.StateGraph()
    g.add_node("loop", lambda s: {"n": s["n"] + 1})
    g.set_entry_point("loop")
    g.add_conditional_edges("loop", lambda s: "again" if s["n"] < 100 else "stop", {"again": "loop", "stop": ag.END})
    with pytest.raises(ag.GraphRecursionError):
        g.compile().invoke({"n": 0}, recursion_limit=10)


@check("supervisor")
def test_supervisor_routes_then_finishes():
    agents = {"researcher": lambda m: "facts", "writer": lambda m: "essay"}
    result = ag.supervisor(Script(["researcher", "writer\n", "FINISH"]), agents, "write about Ada")
    expect(result["route"] == ["researcher", "writer"] and result["answer"] == "essay" and result["stop_reason"] == "finish",
           "route researcher -> writer, answer 'essay', stop_reason 'finish'")
    expect(result["messages"][2] == {"role": "assistant", "name": "writer", "content": "essay"},
           "an agent's reply is {'role': 'assistant', 'name': name, 'content': reply}")


@check("trim_messages")
def test_trim_keeps_system_and_recent():
    def count(m):
        return len(m["content"].split())

    msgs = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "one two three"},
            {"role": "assistant", "content": "four five six seven"}, {"role": "user", "content": "eight nine"}]
    expect(ag.trim_messages(msgs, 9, count) == [msgs[0], msgs[2], msgs[3]], "keep system + the most recent that fit")
    expect(ag.trim_messages(msgs, 1, count) == [msgs[0]], "the system message is always kept")


@check("retry_with_backoff")
def test_retry_two_failures():
    calls, slept = [], []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise TimeoutError("slow")
        return "ok"

    expect(ag.retry_with_backoff(flaky, retries=3, base_delay=0.5, sleep=slept.append, rng=random.Random(0)) == "ok",
           "return the value once fn succeeds")
    ref = random.Random(0)
    assert_close(slept, [ref.uniform(0, 0.5), ref.uniform(0, 1.0)], name="sleep delays",
                 hint="rng.uniform(0, min(max_delay, base_delay * 2**attempt)), attempt from 0")

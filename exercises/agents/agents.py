"""Agentic workflows in plain Python. Brief: exercises/agents/README.md

Nothing here calls a network or a hosted model. An "LLM" is any callable ``llm(messages) -> str``
(the checks pass scripted fakes), a message is a dict ``{"role": ..., "content": ...}``, and
clocks, sleeps and random generators are injected so that every run is reproducible.

The shared types below (Action, FinalAnswer, ParseError, GraphRecursionError, END,
REACT_INSTRUCTIONS) are given: keep them as they are and use them.
"""
import copy
import inspect
import json
import random
import re
import time
import typing
from dataclasses import dataclass


# --- shared types (given, not katas) ---------------------------------------------------------------

@dataclass(frozen=True)
class Action:
    """The model wants to call ``tool`` with ``input`` (a dict parsed from JSON, or a plain string)."""
    tool: str
    input: typing.Any


@dataclass(frozen=True)
class FinalAnswer:
    """The model is done; ``text`` is its answer."""
    text: str


class ParseError(ValueError):
    """The model's reply follows neither the Action format nor the Final Answer format."""


class GraphRecursionError(RuntimeError):
    """A compiled graph needed more node executions than ``recursion_limit``."""


END = "__end__"

REACT_INSTRUCTIONS = """Answer the user's question. You can use these tools:

{tools}

Use this format:
Thought: what you think about
Action: the tool name
Action Input: the tool's arguments as a JSON object
Then wait for the Observation. When you know the answer:
Thought: I know the answer
Final Answer: the answer"""


# --- parse_react -----------------------------------------------------------------------------------

def parse_react(text):
    """Parse one ReAct reply into ``Action(tool, input)`` or ``FinalAnswer(text)``.

    Labels ('Final Answer:', 'Action:', 'Action Input:', 'Observation:') count only at the start of
    a line (leading spaces allowed), in any case, with optional spaces before the colon.
    A 'Final Answer:' line wins over an 'Action:' line. The answer is everything after the label,
    stripped. The Action Input runs to the next 'Observation:' line or the end, stripped; if it
    starts with '{' it must be a JSON object (-> dict), otherwise it is the plain string.
    Malformed replies raise ParseError naming what is missing.

    parse_react('Thought: look it up\\nAction: search\\nAction Input: {"q": "Ada"}')
        -> Action(tool='search', input={'q': 'Ada'})
    parse_react('Thought: done\\nFinal Answer: 1815') -> FinalAnswer(text='1815')
    """
    raise NotImplementedError("parse_react: see exercises/agents/README.md")


# --- ToolRegistry ------------------------------------------------------------------------------------

class ToolRegistry:
    """Named tools with typed arguments; ``call`` turns every problem into an ``Error: ...`` string.

    reg = ToolRegistry()
    reg.register("add", lambda a, b: a + b, {"a": int, "b": int}, "Add two integers.")
    reg.call("add", {"a": 2, "b": 3})   -> '5'
    reg.call("add", {"a": 2})           -> "Error: missing argument 'b' for tool 'add'"
    reg.describe()                      -> 'add(a: int, b: int): Add two integers.'
    """

    def __init__(self):
        raise NotImplementedError("tool_registry: see exercises/agents/README.md")

    def register(self, name, fn, schema=None, description=None):
        """Add a tool. schema: {arg name: type}; None -> from fn's annotations. Returns fn.

        description None -> the first non-blank line of fn's docstring, stripped (inspect.getdoc), or "";
        an explicit "" stays "". A duplicate name -> ValueError.
        """
        raise NotImplementedError("tool_registry: see exercises/agents/README.md")

    def tool(self, fn):
        """Decorator: register ``fn`` under ``fn.__name__``, schema from its annotations; returns fn."""
        raise NotImplementedError("tool_registry: see exercises/agents/README.md")

    def call(self, name, args):
        """Validate, then return str(fn(**args)); every problem is a string starting with 'Error: '."""
        raise NotImplementedError("tool_registry: see exercises/agents/README.md")

    def describe(self):
        """One line per tool, in registration order: 'name(arg: type, ...): description'."""
        raise NotImplementedError("tool_registry: see exercises/agents/README.md")


# --- run_react_agent -------------------------------------------------------------------------------------

def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    """The ReAct loop: ask, parse, act, observe; until a final answer or ``max_steps`` LLM calls.

    llm(messages) -> str; tools has .call(name, args) -> str and .describe() -> str;
    parse(text) -> Action | FinalAnswer or raises ParseError (None -> parse_react).
    Returns {"answer": str | None, "stop_reason": "final_answer" | "max_steps",
             "steps": number of LLM calls, "messages": the transcript}.
    Transcript: system (REACT_INSTRUCTIONS with tools.describe()), user (question), then per step
    {"role": "assistant", "content": raw reply} and, unless it was the final answer,
    {"role": "tool", "content": "Observation: " + (tool result or "Error: " + parse error)}.
    """
    raise NotImplementedError("run_react_agent: see exercises/agents/README.md")


# --- StateGraph ---------------------------------------------------------------------------------------------

def append(left, right):
    """The list reducer: a new list, ``left`` followed by ``right`` (a list) or by the one item ``right``.

    append([1, 2], [3]) -> [1, 2, 3];  append([1, 2], 3) -> [1, 2, 3]. Neither argument is modified.
    """
    raise NotImplementedError("state_graph: see exercises/agents/README.md")


class StateGraph:
    """A LangGraph-style state machine: nodes return partial updates, edges say who runs next.

    g = StateGraph(reducers={"messages": append})
    g.add_node("hello", lambda s: {"messages": ["hi"], "n": s["n"] + 1})
    g.set_entry_point("hello"); g.add_edge("hello", END)
    g.compile().invoke({"messages": [], "n": 0}) -> {"messages": ["hi"], "n": 1}
    """

    def __init__(self, reducers=None):
        """reducers: {state key: reducer(old, new) -> value}; keys without one are overwritten."""
        raise NotImplementedError("state_graph: see exercises/agents/README.md")

    def add_node(self, name, fn):
        """fn(state copy) -> dict of updates (or None). A duplicate name or END -> ValueError."""
        raise NotImplementedError("state_graph: see exercises/agents/README.md")

    def add_edge(self, source, target):
        """After ``source`` runs, go to ``target`` (a node or END). One way out per node."""
        raise NotImplementedError("state_graph: see exercises/agents/README.md")

    def add_conditional_edges(self, source, router, mapping=None):
        """After ``source``: key = router(state copy); next = mapping[key] (or key if mapping is None)."""
        raise NotImplementedError("state_graph: see exercises/agents/README.md")

    def set_entry_point(self, name):
        raise NotImplementedError("state_graph: see exercises/agents/README.md")

    def compile(self):
        """Validate (entry point set, edges name known nodes, every node has a way out) -> CompiledGraph."""
        raise NotImplementedError("state_graph: see exercises/agents/README.md")


class CompiledGraph:
    """What ``StateGraph.compile()`` returns; ``invoke`` runs the graph on a state dict."""

    def __init__(self, graph):
        raise NotImplementedError("state_graph: see exercises/agents/README.md")

    def invoke(self, state, recursion_limit=25):
        """Run from the entry point to END; at most recursion_limit node runs, else GraphRecursionError.

        Returns the final state (a new dict); the caller's ``state`` is never modified.
        """
        raise NotImplementedError("state_graph: see exercises/agents/README.md")


# --- supervisor ------------------------------------------------------------------------------------------------

def supervisor(llm, agents, task, max_turns=5):
    """A supervisor LLM routes a shared conversation between worker agents until it says FINISH.

    agents: {name: agent(messages) -> str}. Each turn: route = llm(messages).strip().
    "FINISH" (any case) stops; an agent's exact name runs that agent, whose reply is appended as
    {"role": "assistant", "name": name, "content": reply}; anything else appends
    {"role": "user", "content": "Error: unknown agent '<route>'. Choose one of: a, b or FINISH"}.
    Returns {"answer": last agent reply or None, "stop_reason": "finish" | "max_turns",
             "route": [agent names run, in order], "messages": the conversation}.
    """
    raise NotImplementedError("supervisor: see exercises/agents/README.md")


# --- trim_messages ------------------------------------------------------------------------------------------------

def trim_messages(messages, max_tokens, count_tokens):
    """Keep the system message and the longest run of most recent messages that fits in max_tokens.

    Whole messages only, original order; a leading system message (messages[0]) is always kept, even
    alone over budget; the kept run never starts with a "tool" message (its call was cut off).
    With count_tokens = lambda m: len(m["content"].split()):
    trim_messages([sys(2), user(3), assistant(4), user(2)], max_tokens=9, ...) -> [sys, assistant, user]
    """
    raise NotImplementedError("trim_messages: see exercises/agents/README.md")


# --- retry_with_backoff ------------------------------------------------------------------------------------------------

def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    """Call fn() until it succeeds, at most retries + 1 times, sleeping a full-jitter delay in between.

    After failed attempt k (0-based) it sleeps rng.uniform(0, min(max_delay, base_delay * 2**k))
    (rng None -> random.Random()). An exception outside retry_on, or the last attempt's exception,
    is raised as is (and there is no sleep after the last attempt). Returns fn()'s value.
    Any retries works: a large one (2000) must not raise OverflowError (2**1100 does not fit a float).
    """
    raise NotImplementedError("retry_with_backoff: see exercises/agents/README.md")

"""Agentic workflows in plain Python: the reference. Brief: exercises/agents/README.md

Nothing here calls a network or a hosted model. An "LLM" is any callable ``llm(messages) -> str``
(the checks pass scripted fakes), a message is a dict ``{"role": ..., "content": ...}``, and
clocks, sleeps and random generators are injected so that every run is reproducible.
"""
import copy
import inspect
import json
import random
import re
import time
import typing
from dataclasses import dataclass


# --- shared types (not katas) --------------------------------------------------------------------

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

def _label(name):
    """A regex for 'Name:' at the start of a line, any case, spaces allowed around words and colon."""
    words = r"\s+".join(name.split())
    return re.compile(rf"^[ \t]*{words}[ \t]*:", re.IGNORECASE | re.MULTILINE)


_FINAL = _label("Final Answer")
_ACTION = _label("Action")
_ACTION_INPUT = _label("Action Input")
_OBSERVATION = _label("Observation")


def parse_react(text):
    """Parse one ReAct reply into ``Action(tool, input)`` or ``FinalAnswer(text)``.

    parse_react('Thought: look it up\\nAction: search\\nAction Input: {"q": "Ada"}')
        -> Action(tool='search', input={'q': 'Ada'})
    parse_react('Thought: done\\nFinal Answer: 1815') -> FinalAnswer(text='1815')

    A 'Final Answer:' line wins over an 'Action:' line. Malformed replies raise ParseError.
    """
    final = _FINAL.search(text)
    if final:
        return FinalAnswer(text[final.end():].strip())

    action = _ACTION.search(text)
    if action is None:
        raise ParseError("no 'Action:' line and no 'Final Answer:' line found in the reply")
    line_end = text.find("\n", action.end())
    line_end = len(text) if line_end == -1 else line_end
    tool = text[action.end():line_end].strip()
    if not tool:
        raise ParseError("the 'Action:' line names no tool")

    given = _ACTION_INPUT.search(text, line_end)
    if given is None:
        raise ParseError(f"'Action: {tool}' is not followed by an 'Action Input:' line")
    observation = _OBSERVATION.search(text, given.end())  # the model hallucinating the tool's reply
    raw = text[given.end():observation.start() if observation else len(text)].strip()
    if raw.startswith("{"):
        try:
            args = json.loads(raw)
        except json.JSONDecodeError as error:
            raise ParseError(f"the Action Input is not valid JSON: {error}") from None
        return Action(tool, args)
    return Action(tool, raw)


# --- ToolRegistry ------------------------------------------------------------------------------------

def _type_ok(value, expected):
    """isinstance, except that a bool is not an int/float and an int is a fine float."""
    if isinstance(value, bool) and expected is not bool:
        return False
    if expected is float:
        return isinstance(value, (int, float))
    return isinstance(value, expected)


class ToolRegistry:
    """Named tools with typed arguments; ``call`` turns every problem into an ``Error: ...`` string.

    reg = ToolRegistry()
    reg.register("add", lambda a, b: a + b, {"a": int, "b": int}, "Add two integers.")
    reg.call("add", {"a": 2, "b": 3})   -> '5'
    reg.call("add", {"a": 2})           -> "Error: missing argument 'b' for tool 'add'"
    reg.describe()                      -> 'add(a: int, b: int): Add two integers.'
    """

    def __init__(self):
        self._tools = {}  # name -> (fn, schema, description), in registration order

    def register(self, name, fn, schema=None, description=None):
        if name in self._tools:
            raise ValueError(f"a tool named {name!r} is already registered")
        if schema is None:
            hints = typing.get_type_hints(fn)
            schema = {}
            for param in inspect.signature(fn).parameters:
                if param not in hints:
                    raise ValueError(f"parameter {param!r} of {name!r} has no type annotation")
                schema[param] = hints[param]
        if description is None:
            description = (inspect.getdoc(fn) or "").strip().split("\n")[0]
        self._tools[name] = (fn, dict(schema), description)
        return fn

    def tool(self, fn):
        """Decorator: register ``fn`` under its own name, schema from its annotations."""
        return self.register(fn.__name__, fn)

    def call(self, name, args):
        if name not in self._tools:
            return f"Error: unknown tool '{name}'. Available tools: {', '.join(self._tools)}"
        fn, schema, _ = self._tools[name]
        if not isinstance(args, dict):
            return f"Error: arguments for tool '{name}' must be a JSON object"
        for arg in schema:
            if arg not in args:
                return f"Error: missing argument '{arg}' for tool '{name}'"
        for arg in args:
            if arg not in schema:
                return f"Error: unexpected argument '{arg}' for tool '{name}'"
        for arg, expected in schema.items():
            if not _type_ok(args[arg], expected):
                return (f"Error: argument '{arg}' of tool '{name}' should be {expected.__name__}, "
                        f"got {type(args[arg]).__name__}")
        try:
            return str(fn(**args))
        except Exception as error:  # a failing tool is an observation, never a crash
            return f"Error: {type(error).__name__}: {error}"

    def describe(self):
        lines = []
        for name, (_, schema, description) in self._tools.items():
            signature = ", ".join(f"{arg}: {t.__name__}" for arg, t in schema.items())
            lines.append(f"{name}({signature}): {description}" if description else f"{name}({signature})")
        return "\n".join(lines)


# --- run_react_agent -------------------------------------------------------------------------------------

def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    """The ReAct loop: ask, parse, act, observe; until a final answer or ``max_steps`` LLM calls.

    Returns {"answer": str | None, "stop_reason": "final_answer" | "max_steps",
             "steps": number of LLM calls, "messages": the transcript}.
    Transcript: system (instructions + tools.describe()), user (question), then per step the
    assistant's raw reply and, unless it was the final answer, a tool message "Observation: ...".
    """
    parse = parse or parse_react
    messages = [
        {"role": "system", "content": REACT_INSTRUCTIONS.format(tools=tools.describe())},
        {"role": "user", "content": question},
    ]
    for step in range(1, max_steps + 1):
        reply = llm(copy.deepcopy(messages))
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = parse(reply)
        except ParseError as error:
            observation = f"Error: {error}"
        else:
            if isinstance(parsed, FinalAnswer):
                return {"answer": parsed.text, "stop_reason": "final_answer", "steps": step, "messages": messages}
            observation = tools.call(parsed.tool, parsed.input)
        messages.append({"role": "tool", "content": f"Observation: {observation}"})
    return {"answer": None, "stop_reason": "max_steps", "steps": max_steps, "messages": messages}


# --- StateGraph ---------------------------------------------------------------------------------------------

def append(left, right):
    """The list reducer: a new list, ``left`` followed by ``right`` (a list) or by the one item ``right``.

    append([1, 2], [3]) -> [1, 2, 3];  append([1, 2], 3) -> [1, 2, 3]. Neither argument is modified.
    """
    return list(left) + (list(right) if isinstance(right, list) else [right])


class StateGraph:
    """A LangGraph-style state machine: nodes return partial updates, edges say who runs next.

    g = StateGraph(reducers={"messages": append})
    g.add_node("hello", lambda s: {"messages": ["hi"], "n": s["n"] + 1})
    g.set_entry_point("hello"); g.add_edge("hello", END)
    g.compile().invoke({"messages": [], "n": 0}) -> {"messages": ["hi"], "n": 1}
    """

    def __init__(self, reducers=None):
        self.reducers = dict(reducers or {})
        self.nodes = {}
        self.edges = {}  # node -> ("edge", target) | ("conditional", router, mapping or None)
        self.entry = None

    def add_node(self, name, fn):
        if name == END or name in self.nodes:
            raise ValueError(f"cannot add a node named {name!r}: it is END or already exists")
        self.nodes[name] = fn

    def _add_way_out(self, source, way):
        if source in self.edges:
            raise ValueError(f"node {source!r} already has an outgoing edge")
        self.edges[source] = way

    def add_edge(self, source, target):
        self._add_way_out(source, ("edge", target))

    def add_conditional_edges(self, source, router, mapping=None):
        self._add_way_out(source, ("conditional", router, None if mapping is None else dict(mapping)))

    def set_entry_point(self, name):
        self.entry = name

    def compile(self):
        if self.entry not in self.nodes:
            raise ValueError("set_entry_point(...) must name a node before compile()")
        for source, way in self.edges.items():
            targets = [way[1]] if way[0] == "edge" else list((way[2] or {}).values())
            for name in [source, *targets]:
                if name != END and name not in self.nodes:
                    raise ValueError(f"an edge refers to an unknown node {name!r}")
        for name in self.nodes:
            if name not in self.edges:
                raise ValueError(f"node {name!r} has no outgoing edge (add an edge to END?)")
        return CompiledGraph(self)


class CompiledGraph:
    """What ``StateGraph.compile()`` returns; ``invoke`` runs the graph on a state dict."""

    def __init__(self, graph):
        self.graph = graph

    def _apply(self, state, update):
        """A new state: each key of the update overwrites, or goes through its reducer."""
        new = dict(state)
        for key, value in (update or {}).items():
            reducer = self.graph.reducers.get(key)
            new[key] = reducer(new[key], value) if reducer is not None and key in new else value
        return new

    def _next(self, node, state):
        way = self.graph.edges[node]
        if way[0] == "edge":
            return way[1]
        _, router, mapping = way
        key = router(copy.deepcopy(state))
        if mapping is None:
            return key
        if key not in mapping:
            raise ValueError(f"router of {node!r} returned {key!r}, which is not in its mapping")
        return mapping[key]

    def invoke(self, state, recursion_limit=25):
        state = copy.deepcopy(state)  # the caller's dict is never touched
        node, executed = self.graph.entry, 0
        while node != END:
            if executed == recursion_limit:
                raise GraphRecursionError(f"recursion limit of {recursion_limit} node executions reached")
            update = self.graph.nodes[node](copy.deepcopy(state))  # a node cannot corrupt the state
            state = self._apply(state, update)
            executed += 1
            node = self._next(node, state)
        return state


# --- supervisor ------------------------------------------------------------------------------------------------

def supervisor(llm, agents, task, max_turns=5):
    """A supervisor LLM routes a shared conversation between worker agents until it says FINISH.

    Each turn: route = llm(messages).strip(). "FINISH" (any case) stops; an agent's name runs
    that agent, whose reply is appended as {"role": "assistant", "name": name, "content": reply};
    anything else appends a user message "Error: unknown agent '...'. Choose one of: a, b or FINISH".
    Returns {"answer", "stop_reason": "finish" | "max_turns", "route", "messages"}.
    """
    messages = [{"role": "user", "content": task}]
    route = []
    for _ in range(max_turns):
        choice = llm(copy.deepcopy(messages)).strip()
        if choice.upper() == "FINISH":
            stop_reason = "finish"
            break
        if choice in agents:
            reply = agents[choice](copy.deepcopy(messages))
            messages.append({"role": "assistant", "name": choice, "content": reply})
            route.append(choice)
        else:
            messages.append({"role": "user", "content": f"Error: unknown agent '{choice}'. "
                                                        f"Choose one of: {', '.join(agents)} or FINISH"})
    else:
        stop_reason = "max_turns"
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    return {"answer": answers[-1] if answers else None, "stop_reason": stop_reason,
            "route": route, "messages": messages}


# --- trim_messages ------------------------------------------------------------------------------------------------

def trim_messages(messages, max_tokens, count_tokens):
    """Keep the system message and the longest run of most recent messages that fits in max_tokens.

    Whole messages only, original order; a leading system message (messages[0]) is always kept, even
    alone over budget; the kept run never starts with a "tool" message (its call was cut off).
    With count_tokens = lambda m: len(m["content"].split()):
    trim_messages([sys(2), user(3), assistant(4), user(2)], max_tokens=9, ...) -> [sys, assistant, user]
    """
    head = list(messages[:1]) if messages and messages[0]["role"] == "system" else []
    body = messages[len(head):]
    budget = max_tokens - sum(count_tokens(m) for m in head)
    start = len(body)
    while start > 0 and count_tokens(body[start - 1]) <= budget:
        budget -= count_tokens(body[start - 1])
        start -= 1
    while start < len(body) and body[start]["role"] == "tool":
        start += 1
    return head + body[start:]


# --- retry_with_backoff ------------------------------------------------------------------------------------------------

def retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rng=None,
                       retry_on=(Exception,)):
    """Call fn() until it succeeds, at most retries + 1 times, sleeping a full-jitter delay in between.

    After failed attempt k (0-based) it sleeps rng.uniform(0, min(max_delay, base_delay * 2**k)).
    An exception outside retry_on, or the last attempt's exception, is raised as is (no final sleep).
    """
    rng = rng if rng is not None else random.Random()
    # the window min(max_delay, base_delay * 2**attempt), doubled after each failure and capped
    # before it is doubled again: base_delay * 2**1100 would overflow a float (OverflowError)
    window = min(max_delay, base_delay)
    for attempt in range(retries + 1):  # pragma: no branch (never runs out: the last attempt returns or re-raises)
        try:
            return fn()
        except retry_on:
            if attempt == retries:
                raise
        sleep(rng.uniform(0, window))
        window = min(max_delay, 2 * window)

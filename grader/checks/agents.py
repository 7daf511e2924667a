"""Hidden checks for the agents topic. No network, no model: LLMs are scripted fakes that record
what they were shown, tools are fakes that record their calls, sleeps and random generators are
injected. Every expected transcript is computed here, by a reference written independently of the
learner's code, from seeded random scripts; the rest are properties (inputs not mutated, step
limits honoured, delays inside their jitter window)."""
import copy
import json
import math
import random

import numpy as np
import pytest

from grader.check import assert_close, check, expect, expect_raises, learner

ag = learner("agents")

WORDS = ("alpha", "beta", "gamma", "delta", "omega", "paris", "lyon", "ada", "turing", "lovelace",
         "cache", "vector", "graph", "token", "agent", "tool")


def _words(rng, low, high):
    return " ".join(rng.choice(WORDS) for _ in range(int(rng.integers(low, high))))


# ---------------------------------------------------------------------------------------------
# fakes shared by the loops
# ---------------------------------------------------------------------------------------------

class ScriptedLLM:
    """Returns replies[i] on call i (or default() once the script runs out); records what it saw."""

    def __init__(self, replies=(), default=None, hard_limit=60):
        self.replies, self.default, self.hard_limit = list(replies), default, hard_limit
        self.seen = []

    def __call__(self, messages):
        if not isinstance(messages, list):
            raise AssertionError(f"the LLM should be called with the list of messages, got {type(messages).__name__}")
        self.seen.append(copy.deepcopy(messages))
        if len(self.seen) > self.hard_limit:
            raise AssertionError("the loop kept calling the LLM far past its limit: check your max_steps/max_turns stop")
        i = len(self.seen) - 1
        if i < len(self.replies):
            return self.replies[i]
        if self.default is None:
            raise AssertionError("the loop called the LLM again after it had answered: stop at the final answer / FINISH")
        return self.default(i)


class FakeTools:
    """The tools interface run_react_agent needs: .describe() and .call(name, args) -> str."""

    DESCRIPTION = "lookup(key: str): Look a key up in the notebook.\nadd(a: int, b: int): Add two integers."

    def __init__(self, notebook):
        self.notebook = notebook
        self.calls = []

    def describe(self):
        return self.DESCRIPTION

    def call(self, name, args):
        self.calls.append((name, copy.deepcopy(args)))
        if name == "lookup":
            return self.notebook.get(args.get("key"), "Error: KeyError: " + repr(args.get("key")))
        if name == "add":
            return str(args["a"] + args["b"])
        return f"Error: unknown tool '{name}'"


def check_parse(text):
    """A strict, line-based parser for the scripted replies (independent of the learner's parse_react)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("Final Answer:"):
            return ag.FinalAnswer("\n".join([line[len("Final Answer:"):]] + lines[i + 1:]).strip())
    tool = args = None
    for line in lines:
        if line.startswith("Action Input:"):
            args = json.loads(line[len("Action Input:"):])
        elif line.startswith("Action:"):
            tool = line[len("Action:"):].strip()
    if tool is None or args is None:
        raise ag.ParseError(f"reply without Action/Action Input ({len(text)} chars)")
    return ag.Action(tool, args)


def _react_script(seed, n_actions, malformed=()):
    """Seeded replies: n_actions tool calls (some malformed), then a final answer. Returns (replies, notebook)."""
    rng = np.random.default_rng(seed)
    notebook = {f"k{i}": _words(rng, 1, 4) for i in range(5)}
    replies = []
    for step in range(n_actions):
        thought = f"Thought: {_words(rng, 2, 6)}"
        if step in malformed:
            replies.append(f"{thought}\nI will call a tool now")
        elif rng.random() < 0.5:
            key = f"k{int(rng.integers(0, 7))}"  # k5, k6 are missing from the notebook
            replies.append(f'{thought}\nAction: lookup\nAction Input: {json.dumps({"key": key})}')
        else:
            a, b = (int(v) for v in rng.integers(-50, 50, size=2))
            replies.append(f'{thought}\nAction: add\nAction Input: {json.dumps({"a": a, "b": b})}')
    replies.append(f"Thought: done\nFinal Answer: {_words(rng, 1, 5)}\n{_words(rng, 1, 3)}")
    return replies, notebook


def _reference_react(replies, tools, question, max_steps):
    """(answer, stop_reason, steps, messages after the system message) of the pinned ReAct loop."""
    messages = [{"role": "user", "content": question}]
    for step in range(max_steps):
        reply = replies[step]
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = check_parse(reply)
        except ag.ParseError as error:
            messages.append({"role": "tool", "content": f"Observation: Error: {error}"})
            continue
        if type(parsed).__name__ == "FinalAnswer":
            return parsed.text, "final_answer", step + 1, messages
        messages.append({"role": "tool", "content": f"Observation: {tools.call(parsed.tool, parsed.input)}"})
    return None, "max_steps", max_steps, messages


def _result_fields(result, what):
    expect(isinstance(result, dict), f"{what} should return a dict, got {type(result).__name__}")
    missing = {"answer", "stop_reason", "messages"} - set(result)
    expect(not missing, f"{what}'s result lacks the keys {sorted(missing)}")
    return result


# ---------------------------------------------------------------------------------------------
# parse_react
# ---------------------------------------------------------------------------------------------

def _is(result, kind):
    return type(result).__name__ == kind


def _expect_action(result, tool, args, where):
    expect(_is(result, "Action"), f"{where}: expected an Action, got {type(result).__name__}")
    expect(result.tool == tool, f"{where}: wrong tool name (strip the text after 'Action:')")
    expect(type(result.input) is type(args),
           f"{where}: Action.input should be a {type(args).__name__}, got {type(result.input).__name__} "
           "(JSON objects become dicts, anything else stays a string)")
    expect(result.input == args, f"{where}: wrong Action.input")


@check("parse_react", points=1, pins=["label-line-start", "label-spacing"])
@pytest.mark.parametrize("style", ["plain", "lowercase", "upper_spaced", "indented"])
def test_parse_action_with_json_input(style):
    rng = np.random.default_rng({"plain": 1, "lowercase": 2, "upper_spaced": 3, "indented": 4}[style])
    tool = f"tool_{_words(rng, 1, 2)}"
    args = {"query": _words(rng, 1, 4), "limit": int(rng.integers(1, 99)), "exact": bool(rng.random() < 0.5)}
    labels = {"plain": ("Thought:", "Action:", "Action Input:"),
              "lowercase": ("thought:", "action:", "action input:"),
              "upper_spaced": ("THOUGHT :", "ACTION :", "ACTION  INPUT :"),
              "indented": ("  Thought:", "  Action:", "\tAction Input:")}[style]
    text = f"{labels[0]} {_words(rng, 3, 8)}\n{labels[1]}   {tool}  \n{labels[2]} {json.dumps(args)}\n"
    _expect_action(ag.parse_react(text), tool, args,
                   f"{style} labels (labels are matched at line start, any case, spaces before ':')")


@check("parse_react", points=1, pins=["input-to-observation", "json-only-for-brace"])
def test_parse_string_input_stops_at_observation():
    text = "Thought: weather\nAction: get_weather\nAction Input:   Paris, France  \nObservation: sunny, 24C\nThought: ok"
    _expect_action(ag.parse_react(text), "get_weather", "Paris, France",
                   "a hallucinated 'Observation:' line ends the Action Input")
    text = 'Action: lookup\nAction Input: {"key": "k1",\n  "depth": 2}\nobservation: nope'
    _expect_action(ag.parse_react(text), "lookup", {"key": "k1", "depth": 2}, "multi-line JSON input")


@check("parse_react", points=1, pins=["final-to-end", "label-spacing"])
def test_parse_final_answer_multiline_and_case():
    rng = np.random.default_rng(7)
    first, second = _words(rng, 2, 5), _words(rng, 2, 5)
    got = ag.parse_react(f"Thought: I know\nfinal answer :  {first}\n{second}  \n")
    expect(_is(got, "FinalAnswer"), "'final answer :' (any case, space before the colon) is a final answer")
    expect(got.text == f"{first}\n{second}", "the final answer is everything after the label, stripped (it may span lines)")


@check("parse_react", points=1, pins=["final-to-end"])
@pytest.mark.parametrize("tail", ["", "   ", "  \n\n"])
def test_parse_empty_final_answer(tail):
    got = ag.parse_react(f"Thought: nothing to add\nFinal Answer:{tail}")
    expect(_is(got, "FinalAnswer") and got.text == "",
           "a 'Final Answer:' label with nothing after it is a final answer whose text is '' (not a ParseError)")


@check("parse_react", points=2, pins=["final-wins"])
@pytest.mark.parametrize("order", ["action_first", "final_first"])
def test_parse_final_answer_wins_over_action(order):
    action = 'Action: search\nAction Input: {"q": "x"}'
    final = "Final Answer: 42"
    text = "Thought: hmm\n" + (f"{action}\n{final}" if order == "action_first" else f"{final}\n{action}")
    got = ag.parse_react(text)
    expect(_is(got, "FinalAnswer"), "when a reply has both a 'Final Answer:' line and an 'Action:' line, the final answer wins")
    expect(got.text.startswith("42"), "the final answer is the text after 'Final Answer:'")


@check("parse_react", points=1, pins=["label-line-start"])
def test_parse_labels_only_count_at_line_start():
    text = ("Thought: the Final Answer: is not known yet, so the next Action: is a search\n"
            "Action: search\nAction Input: ada lovelace")
    _expect_action(ag.parse_react(text), "search", "ada lovelace",
                   "'Final Answer:' / 'Action:' in the middle of a Thought line are not labels")


@check("parse_react", points=1, pins=["json-only-for-brace"])
@pytest.mark.parametrize("raw", ["42", "true", "[1, 2]", "null"])
def test_parse_input_not_starting_with_brace_stays_a_string(raw):
    _expect_action(ag.parse_react(f"Thought: go\nAction: calc\nAction Input: {raw}\n"), "calc", raw,
                   "an Action Input that does not start with '{' is the string itself (json.loads only for '{')")


@check("parse_react", points=1, pins=["empty-input"])
@pytest.mark.parametrize("case", ["at_end", "before_observation"])
def test_parse_empty_input_is_an_empty_string(case):
    text = {"at_end": "Thought: no arguments\nAction: ping\nAction Input:",
            "before_observation": "Action: ping\nAction Input:   \nObservation: pong"}[case]
    _expect_action(ag.parse_react(text), "ping", "", "an empty Action Input gives the empty string, not a ParseError")


def _expect_parse_error(text, keyword, why):
    try:
        ag.parse_react(text)
    except NotImplementedError:
        raise
    except ag.ParseError as error:
        expect(keyword.lower() in str(error).lower(), f"{why}: the ParseError message should mention '{keyword}'")
        return
    except Exception as error:
        raise AssertionError(f"{why}: raised {type(error).__name__} instead of ParseError") from None
    raise AssertionError(f"{why}: no ParseError raised")


@check("parse_react", points=1, pins=["parse-error-messages"])
@pytest.mark.parametrize("case", ["no_labels", "no_action_input", "empty_tool", "bad_json"])
def test_parse_malformed_raises_parse_error(case):
    text, keyword, why = {
        "no_labels": ("I think the answer might be 7.", "Action", "a reply with neither Action nor Final Answer"),
        "no_action_input": ("Thought: x\nAction: search\n", "Action Input", "an Action without an Action Input"),
        "empty_tool": ('Action:   \nAction Input: {"q": 1}', "tool", "an Action line naming no tool"),
        "bad_json": ('Action: search\nAction Input: {"q": "unterminated}', "JSON", "an Action Input that starts with '{' but is not JSON"),
    }[case]
    _expect_parse_error(text, keyword, why)


@check("parse_react", points=2, pins=["first-action", "two-action-blocks"])
@pytest.mark.parametrize("case", ["json", "string", "lowercase_second"])
def test_parse_two_action_blocks_give_the_first(case):
    rng = np.random.default_rng({"json": 111, "string": 112, "lowercase_second": 113}[case])
    first_args = {"query": _words(rng, 1, 4), "n": int(rng.integers(1, 9))}
    second_args = {"key": f"k{int(rng.integers(0, 5))}"}
    if case == "json":
        first, second = json.dumps(first_args), json.dumps(second_args)
        want = first_args
    else:
        first, second = _words(rng, 2, 4), _words(rng, 1, 3)
        want = first
    second_labels = ("action:", "action input:") if case == "lowercase_second" else ("Action:", "Action Input:")
    text = (f"Thought: {_words(rng, 2, 5)}\nAction: search\nAction Input: {first}\nObservation: {_words(rng, 2, 5)}\n"
            f"Thought: {_words(rng, 2, 5)}\n{second_labels[0]} lookup\n{second_labels[1]} {second}\n"
            f"Observation: {_words(rng, 1, 3)}")
    _expect_action(ag.parse_react(text), "search", want,
                   "a reply with two Action blocks (the model invented an Observation and went on): the FIRST Action "
                   "and the first Action Input after it count")
    text = f"Action: search\naction: lookup\nAction Input: {first}"
    _expect_action(ag.parse_react(text), "search", want,
                   "two Action lines, then one Action Input: the tool is the first Action line's")


@check("parse_react", points=1, pins=["input-after-action", "parse-error-messages"])
@pytest.mark.parametrize("case", ["json", "string"])
def test_parse_input_label_before_the_action_does_not_count(case):
    raw = '{"q": "ada"}' if case == "json" else "ada"
    _expect_parse_error(f"Thought: x\nAction Input: {raw}\nAction: search", "Action Input",
                        "an 'Action Input:' line BEFORE the Action line (none after it)")
    _expect_parse_error(f"Action Input: {raw}\nAction: s", "Action Input",
                        "an 'Action Input:' line before a last 'Action:' line with a one-letter tool")
    _expect_parse_error("Thought: x\nAction: search", "Action Input",
                        "a reply ending on its 'Action:' line (no newline, no Action Input)")


@check("parse_react", points=1, pins=["input-next-lines"])
@pytest.mark.parametrize("case", ["json_next_line", "string_next_line", "json_spread"])
def test_parse_input_on_the_lines_below_the_label(case):
    text, want = {
        "json_next_line": ('Thought: t\nAction: lookup\nAction Input:\n{"key": "k3"}\n', {"key": "k3"}),
        "string_next_line": ("Action: weather\nAction Input:\n   Lyon, France\nObservation: rain", "Lyon, France"),
        "json_spread": ('Action: add\nAction Input: {\n  "a": 2,\n  "b": 40\n}\nObservation: 42', {"a": 2, "b": 40}),
    }[case]
    _expect_action(ag.parse_react(text), text.split("Action:")[1].split("\n")[0].strip(), want,
                   "the input starts right after the 'Action Input:' label and may sit on the lines below it")


@check("parse_react", points=2, pins=["labels-inside-input", "label-line-start"])
@pytest.mark.parametrize("case", ["observation_in_string", "final_in_string", "braces_in_string", "nested",
                                  "label_word_starts_json_line", "action_in_string"])
def test_parse_label_words_inside_the_input_are_not_labels(case):
    args = {
        "observation_in_string": {"q": "what does Observation: rain mean", "n": 2},
        "final_in_string": {"text": "write 'Final Answer: 42' in the report"},
        "braces_in_string": {"template": "set {x} to } and {{y}}", "k": "}"},
        "nested": {"filter": {"year": {"gte": 1815}, "tags": ["a", "b"]}, "limit": 3},
        "label_word_starts_json_line": {"Observation: note": 1, "Final Answer: draft": "no"},
        "action_in_string": {"q": "Action: buy", "then": "Action Input: {}"},
    }[case]
    body = json.dumps(args, indent=1) if case == "label_word_starts_json_line" else json.dumps(args)
    text = f"Thought: use the tool\nAction: search\nAction Input: {body}\nObservation: {_words(np.random.default_rng(5), 2, 4)}"
    _expect_action(ag.parse_react(text), "search", args,
                   "label words inside the JSON input (in a string, or not at the start of a line) are not labels, and "
                   "braces inside strings or nested objects do not end the input: only an 'Observation:' line does")


# ---------------------------------------------------------------------------------------------
# tool_registry
# ---------------------------------------------------------------------------------------------

def _registry():
    reg = ag.ToolRegistry()
    reg.register("scale", lambda x, factor: x * factor, {"x": float, "factor": int}, "Multiply x by factor.")
    reg.register("greet", lambda name, loud: (name.upper() if loud else name) + "!", {"name": str, "loud": bool}, "")
    reg.register("count", lambda items, opts: len(items) + len(opts), {"items": list, "opts": dict}, "Count.")
    return reg


REGISTERED = ["scale", "greet", "count"]  # _registry()'s tools, in registration order


def _pinned(kind, tool, arg=None, want=None, got=None, names=REGISTERED):
    """The brief's error observations, written out from its format (not from anyone's code)."""
    return {"unknown": f"Error: unknown tool '{tool}'. Available tools: " + ", ".join(names),
            "not_dict": f"Error: arguments for tool '{tool}' must be a JSON object",
            "missing": f"Error: missing argument '{arg}' for tool '{tool}'",
            "unexpected": f"Error: unexpected argument '{arg}' for tool '{tool}'",
            "type": f"Error: argument '{arg}' of tool '{tool}' should be {want}, got {got}"}[kind]


def _expect_error(got, prefix, names, why, exact=None):
    expect(isinstance(got, str), f"{why}: call should return an error string, got {type(got).__name__}")
    expect(got.startswith(prefix), f"{why}: the observation should start with {prefix!r}")
    for name in names:
        expect(name in got, f"{why}: the message should name {name!r}")
    if exact is not None:
        expect(got == exact, f"{why}: the message differs from the brief's format, which is compared in full "
               "(quotes, punctuation, the list of available tools in registration order joined with ', ')")


@check("tool_registry", points=1, pins=["int-is-float"])
def test_registry_valid_calls_return_str_of_result():
    reg = _registry()
    rng = np.random.default_rng(21)
    for _ in range(5):
        x, f = float(rng.normal()), int(rng.integers(-9, 9))
        expect(reg.call("scale", {"x": x, "factor": f}) == str(x * f), "call should return str(fn(**args))")
    expect(reg.call("scale", {"x": 3, "factor": 2}) == "6", "an int is a valid float argument (JSON has no 3.0)")
    expect(reg.call("greet", {"name": "ada", "loud": True}) == "ADA!", "call should return str(fn(**args))")
    expect(reg.call("count", {"items": [1, 2, 3], "opts": {"a": 1}}) == "4", "list and dict arguments")


@check("tool_registry", points=1, pins=["messages-in-full", "available-tools-list"])
def test_registry_unknown_missing_extra():
    reg = _registry()
    _expect_error(reg.call("sclae", {"x": 1.0, "factor": 2}), "Error: unknown tool", ["sclae"], "an unknown tool",
                  exact=_pinned("unknown", "sclae"))
    _expect_error(reg.call("scale", {"x": 1.0}), "Error: missing argument", ["factor"], "a missing argument",
                  exact=_pinned("missing", "scale", "factor"))
    _expect_error(reg.call("scale", {"x": 1.0, "factor": 2, "mode": "fast"}), "Error: unexpected argument",
                  ["mode"], "an extra argument (validate before calling: do not let the tool raise TypeError)",
                  exact=_pinned("unexpected", "scale", "mode"))
    _expect_error(reg.call("scale", "1.0, 2"), "Error: ", [], "arguments that are not a dict",
                  exact=_pinned("not_dict", "scale"))
    _expect_error(reg.call("count", [[1], {}]), "Error: ", [], "arguments that are a list, not a dict",
                  exact=_pinned("not_dict", "count"))


@check("tool_registry", points=2, pins=["bool-not-int", "int-is-float", "no-coercion", "messages-in-full"])
@pytest.mark.parametrize("case", ["str_for_int", "bool_for_int", "float_for_int", "int_for_str",
                                  "bool_for_float", "dict_for_list", "str_for_bool", "none_for_str",
                                  "int_for_bool"])
def test_registry_rejects_wrong_types(case):
    reg = _registry()
    tool, args, bad, want, got = {
        "str_for_int": ("scale", {"x": 1.5, "factor": "3"}, "factor", "int", "str"),
        "bool_for_int": ("scale", {"x": 1.5, "factor": True}, "factor", "int", "bool"),
        "float_for_int": ("scale", {"x": 1.5, "factor": 2.0}, "factor", "int", "float"),
        "int_for_str": ("greet", {"name": 7, "loud": False}, "name", "str", "int"),
        "bool_for_float": ("scale", {"x": False, "factor": 2}, "x", "float", "bool"),
        "dict_for_list": ("count", {"items": {"a": 1}, "opts": {}}, "items", "list", "dict"),
        "str_for_bool": ("greet", {"name": "ada", "loud": "yes"}, "loud", "bool", "str"),
        "none_for_str": ("greet", {"loud": True, "name": None}, "name", "str", "NoneType"),
        "int_for_bool": ("greet", {"name": "ada", "loud": 1}, "loud", "bool", "int"),
    }[case]
    _expect_error(reg.call(tool, args), "Error: argument", [bad],
                  f"{case.replace('_', ' ')} (bool is not an int/float; an int is a float; no coercion)",
                  exact=_pinned("type", tool, bad, want, got))


@check("tool_registry", points=2, pins=["call-never-raises"])
def test_registry_tool_exceptions_become_observations():
    reg = ag.ToolRegistry()

    def divide(a, b):
        return a / b

    def fetch(url):
        raise ValueError(f"unreachable host in {url}")

    reg.register("divide", divide, {"a": int, "b": int})
    reg.register("fetch", fetch, {"url": str})
    try:
        got_div = reg.call("divide", {"a": 3, "b": 0})
        got_fetch = reg.call("fetch", {"url": "http://x.test"})
    except NotImplementedError:
        raise
    except Exception as error:
        raise AssertionError(f"call let the tool's {type(error).__name__} escape: catch it and return "
                             "'Error: <ExceptionType>: <message>'") from None
    expect(got_div == "Error: ZeroDivisionError: division by zero", "a failing tool -> 'Error: ZeroDivisionError: ...'")
    expect(got_fetch == "Error: ValueError: unreachable host in http://x.test", "a failing tool -> 'Error: ValueError: <message>'")


class _StopTheRun(BaseException):
    """What a tool raises to stop the whole run (as KeyboardInterrupt does): not an Exception."""


@check("tool_registry", points=1, pins=["catch-exception-only"])
def test_registry_lets_a_base_exception_through():
    reg = ag.ToolRegistry()

    def stop(reason):
        raise _StopTheRun(reason)

    reg.register("stop", stop, {"reason": str})
    reg.register("ok", lambda: "fine", {})
    try:
        got = reg.call("stop", {"reason": "user pressed Ctrl-C"})
    except _StopTheRun:
        got = None
    except BaseException as error:  # noqa: BLE001 - the learner's code may raise anything
        if isinstance(error, NotImplementedError):
            raise
        raise AssertionError(f"a tool's BaseException came back as {type(error).__name__}: let it through as it is") from None
    expect(got is None, "call caught a tool's BaseException (a KeyboardInterrupt, a SystemExit): catch `Exception` "
           "only, so that the user can still stop the agent")
    expect(reg.call("ok", {}) == "fine", "the registry should still work after a tool's BaseException went through")


@check("tool_registry", points=1, pins=["decorator-returns-fn", "schema-from-annotations", "describe-format", "doc-first-line"])
def test_registry_decorator_uses_annotations_and_describe():
    reg = ag.ToolRegistry()

    def repeat(word: str, times: int) -> str:
        """Repeat a word.

        More details that describe() leaves out.
        """
        return word * times

    returned = reg.tool(repeat)
    expect(returned is repeat, "reg.tool should return the function itself (so it works as a decorator)")
    reg.register("noop", lambda: "ok", {}, "")
    reg.register("mean", lambda xs, w: sum(xs) / w, {"xs": list, "w": float}, "Weighted mean.")
    expect(reg.call("repeat", {"word": "ab", "times": 3}) == "ababab", "a decorated tool should be callable by its name")
    _expect_error(reg.call("repeat", {"word": "ab", "times": "3"}), "Error: argument", ["times"],
                  "the schema of a decorated tool comes from its annotations")
    expect(reg.describe() == "repeat(word: str, times: int): Repeat a word.\nnoop()\nmean(xs: list, w: float): Weighted mean.",
           "describe(): one line per tool in registration order, 'name(arg: type, ...): first docstring line', "
           "no ': ' when the description is empty")


@check("tool_registry", points=1, pins=["error-order"])
def test_registry_errors_come_in_the_pinned_order():
    reg = _registry()
    _expect_error(reg.call("nope", "not a dict"), "Error: unknown tool", ["nope"],
                  "an unknown tool is reported before anything about its arguments", exact=_pinned("unknown", "nope"))
    _expect_error(reg.call("scale", {"x": "one", "mode": "fast"}), "Error: missing argument", ["factor"],
                  "a missing argument is reported before an unexpected or mistyped one",
                  exact=_pinned("missing", "scale", "factor"))
    _expect_error(reg.call("scale", {"x": "one", "factor": 2, "mode": "fast"}), "Error: unexpected argument", ["mode"],
                  "an unexpected argument is reported before a mistyped one", exact=_pinned("unexpected", "scale", "mode"))
    _expect_error(reg.call("greet", {}), "Error: missing argument", ["name"],
                  "with several arguments missing, the first one in schema order is named",
                  exact=_pinned("missing", "greet", "name"))
    _expect_error(reg.call("greet", {"name": "a", "loud": True, "zeta": 1, "alpha": 2}), "Error: unexpected argument",
                  ["zeta"], "with several unexpected arguments, the first one in the order of `args` is named",
                  exact=_pinned("unexpected", "greet", "zeta"))
    _expect_error(reg.call("count", {"opts": [], "items": {}}), "Error: argument", ["items"],
                  "with several mistyped arguments, the first one in schema order is named",
                  exact=_pinned("type", "count", "items", "list", "dict"))


@check("tool_registry", points=1, pins=["unannotated-raises"])
def test_registry_unannotated_parameter_raises():
    def half_typed(a: int, b):
        return a

    expect_raises(ValueError, lambda: ag.ToolRegistry().register("half_typed", half_typed),
                  "register(..., schema=None) with an unannotated parameter should raise ValueError")
    expect_raises(ValueError, lambda: ag.ToolRegistry().tool(half_typed),
                  "the tool decorator on a function with an unannotated parameter should raise ValueError")


@check("tool_registry", points=1, pins=["duplicate-raises"])
def test_registry_duplicate_name_raises():
    reg = _registry()
    expect_raises(ValueError, lambda: reg.register("scale", lambda x: x, {"x": int}),
                  "registering a name twice should raise ValueError")


@check("tool_registry", points=1, pins=["doc-first-line", "explicit-empty-description", "register-returns-fn"])
def test_registry_which_docstring_line_is_the_description():
    reg = ag.ToolRegistry()

    def convert(amount: float, currency: str) -> str:
        """
            Convert an amount into another currency.

        Uses the rates of the day; the rest of the docstring is not the description.
        """
        return f"{amount} {currency}"

    def shout(text: str) -> str:
        """Shout the text back."""
        return text.upper()

    def lookup(key: str, depth: int) -> str:
        """Look a key up."""
        return key * depth

    expect(reg.register("convert", convert) is convert, "register should return fn itself")
    reg.register("shout", shout, None, "")
    reg.register("find", lookup, {"depth": int, "key": str})
    want = ("convert(amount: float, currency: str): Convert an amount into another currency.\n"
            "shout(text: str)\n"
            "find(depth: int, key: str): Look a key up.")
    got = reg.describe()
    expect(isinstance(got, str), f"describe() should return a str, got {type(got).__name__}")
    lines = got.split("\n")
    expect(len(lines) == 3, f"describe() gave {len(lines)} lines for 3 tools (no trailing newline)")
    expect(lines[0] == want.split("\n")[0], "a docstring that starts on the line after the quotes: the description is "
           "its first non-blank line, stripped (what inspect.getdoc gives)")
    expect(lines[1] == want.split("\n")[1], "an explicit description=\"\" stays empty (it is not None: do not fall back "
           "to the docstring), and an empty description gives just 'name(arg: type)'")
    expect(lines[2] == want.split("\n")[2], "an explicit schema is used as given, in its own order, even when fn has "
           "annotations")
    expect(reg.call("find", {"key": "ab", "depth": 2}) == "abab", "a tool registered under another name than fn's")


@check("tool_registry", points=1, pins=["messages-in-full", "available-tools-list"])
@pytest.mark.parametrize("n_tools", [0, 1, 4])
def test_registry_available_tools_in_full(n_tools):
    rng = np.random.default_rng(300 + n_tools)
    reg = ag.ToolRegistry()
    names = []
    for i in range(n_tools):
        name = f"{rng.choice(WORDS)}_{i}"
        reg.register(name, lambda q: q, {"q": str}, f"Tool {i}.")
        names.append(name)
    unknown = "lookup_" + str(rng.choice(WORDS))
    _expect_error(reg.call(unknown, {"q": "x"}), "Error: unknown tool", [unknown], f"an unknown tool among {n_tools}",
                  exact=_pinned("unknown", unknown, names=names))
    expect(reg.describe() == "\n".join(f"{n}(q: str): Tool {i}." for i, n in enumerate(names)),
           "describe(): one 'name(arg: type): description' line per tool, in registration order, joined with '\\n'")


# ---------------------------------------------------------------------------------------------
# run_react_agent
# ---------------------------------------------------------------------------------------------

def _run_and_compare(replies, notebook, question, max_steps):
    llm, tools, ref_tools = ScriptedLLM(replies), FakeTools(notebook), FakeTools(notebook)
    result = _result_fields(ag.run_react_agent(llm, tools, question, max_steps=max_steps, parse=check_parse),
                            "run_react_agent")
    answer, stop, steps, want = _reference_react(replies, ref_tools, question, max_steps)
    messages = result["messages"]
    expect(isinstance(messages, list) and messages and messages[0].get("role") == "system",
           "messages[0] should be the system message")
    expect(FakeTools.DESCRIPTION in messages[0].get("content", ""), "the system message should include tools.describe()")
    expect(len(messages) == len(want) + 1, f"the transcript has {len(messages)} messages, expected {len(want) + 1}: "
           "question, then per step the assistant reply and (unless final) one tool observation")
    for i, (got, exp) in enumerate(zip(messages[1:], want), start=1):
        expect(got == exp, f"messages[{i}] differs from the pinned transcript (role '{exp['role']}'): "
               "the raw reply as an assistant message, 'Observation: <result>' as a tool message")
    expect(tools.calls == ref_tools.calls, "the tools were not called with the parsed Action's tool and input")
    expect(result["answer"] == answer and result["stop_reason"] == stop, "wrong answer / stop_reason")
    expect(result.get("steps") == steps, "steps should be the number of LLM calls")
    return llm, result


@check("run_react_agent", points=2, pins=["system-has-describe", "raw-reply", "observation-prefix", "final-no-observation"])
@pytest.mark.parametrize("seed", [31, 32, 33])
def test_react_transcript_matches_reference(seed):
    replies, notebook = _react_script(seed, n_actions=3 + seed % 3)
    _run_and_compare(replies, notebook, f"question {seed}: {_words(np.random.default_rng(seed), 3, 6)}", max_steps=10)


@check("run_react_agent", points=2, pins=["observation-prefix"])
def test_react_llm_sees_each_observation_before_the_next_call():
    replies, notebook = _react_script(41, n_actions=4)
    llm, result = _run_and_compare(replies, notebook, "what is in the notebook?", max_steps=10)
    for k, seen in enumerate(llm.seen):
        expect(len(seen) == 2 + 2 * k, f"LLM call {k + 1} saw {len(seen)} messages, expected {2 + 2 * k}: "
               "append the reply and the observation before calling the LLM again")
        expect(seen == result["messages"][:len(seen)], f"LLM call {k + 1} saw a conversation that differs from the transcript")


@check("run_react_agent", points=2, timeout=5, pins=["max-steps-calls"])
@pytest.mark.parametrize("max_steps", [1, 4])
def test_react_stops_at_max_steps(max_steps):
    llm = ScriptedLLM(default=lambda i: f'Thought: again {i}\nAction: add\nAction Input: {{"a": {i}, "b": 1}}',
                      hard_limit=max_steps + 15)
    result = _result_fields(ag.run_react_agent(llm, FakeTools({}), "never ends", max_steps=max_steps, parse=check_parse),
                            "run_react_agent")
    expect(len(llm.seen) == max_steps, f"the LLM was called {len(llm.seen)} times with max_steps={max_steps}: "
           "max_steps counts LLM calls")
    expect(result["answer"] is None and result["stop_reason"] == "max_steps",
           "without a final answer: answer None, stop_reason 'max_steps'")
    expect(len(result["messages"]) == 2 + 2 * max_steps, "every step's observation belongs in the transcript")


@check("run_react_agent", points=1, pins=["final-on-last-step", "zero-steps"])
def test_react_final_answer_on_the_last_allowed_step_and_zero_steps():
    replies, notebook = _react_script(51, n_actions=2)
    _run_and_compare(replies, notebook, "last step", max_steps=3)
    llm = ScriptedLLM([])
    result = _result_fields(ag.run_react_agent(llm, FakeTools({}), "zero", max_steps=0, parse=check_parse), "run_react_agent")
    expect(not llm.seen and result["answer"] is None and result["stop_reason"] == "max_steps",
           "max_steps=0: no LLM call, answer None, stop_reason 'max_steps'")


@check("run_react_agent", points=2, pins=["parse-error-observation"])
def test_react_parse_errors_become_observations():
    replies, notebook = _react_script(61, n_actions=5, malformed=(1, 3))
    _run_and_compare(replies, notebook, "recover from format errors", max_steps=10)


@check("run_react_agent", points=1, pins=["parse-injected"])
def test_react_uses_the_injected_parser():
    def call_parser(text):  # another output format: "CALL tool {json}" / "ANSWER text"
        head, _, rest = text.partition(" ")
        if head == "ANSWER":
            return ag.FinalAnswer(rest)
        if head == "CALL":
            tool, _, args = rest.partition(" ")
            return ag.Action(tool, json.loads(args))
        raise ag.ParseError("expected CALL or ANSWER")

    llm = ScriptedLLM(['CALL add {"a": 2, "b": 40}', "ANSWER forty-two"])
    tools = FakeTools({})
    result = _result_fields(ag.run_react_agent(llm, tools, "2 + 40?", max_steps=5, parse=call_parser), "run_react_agent")
    expect(tools.calls == [("add", {"a": 2, "b": 40})] and result["answer"] == "forty-two",
           "run_react_agent should parse replies with `parse` when one is given")


@check("run_react_agent", points=1, pins=["parse-injected"])
def test_react_without_parse_uses_parse_react():
    llm = ScriptedLLM(["Thought: say hi\nAction: echo\nAction Input: hello", "Thought: done\nFinal Answer: said it"])
    tools = FakeTools({})
    try:
        result = _result_fields(ag.run_react_agent(llm, tools, "greet", max_steps=4), "run_react_agent")
    except (NotImplementedError, AssertionError):
        raise
    except Exception as error:
        raise AssertionError(f"run_react_agent without `parse` raised {type(error).__name__}: "
                             "parse=None means parse_react") from None
    expect(tools.calls == [("echo", "hello")] and result["answer"] == "said it" and result["stop_reason"] == "final_answer",
           "with parse=None the replies should be parsed by parse_react")


@check("run_react_agent", points=2, pins=["raw-reply"])
def test_react_stores_raw_replies_with_their_whitespace():
    replies, notebook = _react_script(71, n_actions=3)
    pads = [("\n", "  \n"), ("", "\n\n"), ("\n\n", " "), (" \n", "\t\n")]
    replies = [pads[i % len(pads)][0] + r + pads[i % len(pads)][1] for i, r in enumerate(replies)]
    _, result = _run_and_compare(replies, notebook, "  a question with spaces around it  ", max_steps=10)
    expect(result["messages"][1]["content"] == "  a question with spaces around it  ",
           "the question is the user message's content as given")
    for i, reply in enumerate(replies):
        expect(result["messages"][2 + 2 * i]["content"] == reply,
               f"assistant message {i + 1} is not the raw reply: keep its surrounding whitespace (store it unchanged)")


@check("run_react_agent", points=2, timeout=5, pins=["every-call-counts", "max-steps-calls"])
@pytest.mark.parametrize("kind", ["malformed", "unknown_tool", "mixed"])
def test_react_every_llm_call_counts_as_a_step(kind):
    max_steps = {"malformed": 3, "unknown_tool": 4, "mixed": 5}[kind]

    def reply(i):
        bad = {"malformed": True, "unknown_tool": False, "mixed": i % 2 == 0}[kind]
        if bad:
            return f"Thought: attempt {i}, but I forgot the format"
        return f'Thought: attempt {i}\nAction: teleport\nAction Input: {{"to": "mars {i}"}}'

    llm, tools = ScriptedLLM(default=reply, hard_limit=max_steps + 15), FakeTools({})
    result = _result_fields(ag.run_react_agent(llm, tools, "never ends", max_steps=max_steps, parse=check_parse),
                            "run_react_agent")
    expect(len(llm.seen) == max_steps, f"the LLM was called {len(llm.seen)} times with max_steps={max_steps}: a reply "
           "that does not parse, or that names an unknown tool, uses up a step like any other")
    expect(result["answer"] is None and result["stop_reason"] == "max_steps" and result.get("steps") == max_steps,
           "without a final answer: answer None, stop_reason 'max_steps', steps = max_steps")
    expect(len(result["messages"]) == 2 + 2 * max_steps, "every step's observation (an error too) belongs in the transcript")


# ---------------------------------------------------------------------------------------------
# state_graph
# ---------------------------------------------------------------------------------------------

def _loop_graph(n, reducers):
    """agent -> (continue: tools -> agent | done: END); agent runs n times, tools n - 1 times."""
    g = ag.StateGraph(reducers=reducers)
    g.add_node("agent", lambda s: {"messages": [f"agent {s['turn']}"], "turn": s["turn"] + 1})
    g.add_node("tools", lambda s: {"messages": [f"tool {s['turn']}"], "last": "tools"})
    g.set_entry_point("agent")
    g.add_conditional_edges("agent", lambda s: "continue" if s["turn"] < n else "done",
                            {"continue": "tools", "done": ag.END})
    g.add_edge("tools", "agent")
    return g.compile()


def _loop_expected(n, start):
    messages = list(start)
    for turn in range(n):
        messages.append(f"agent {turn}")
        if turn + 1 < n:
            messages.append(f"tool {turn + 1}")
    return messages


@check("state_graph", points=2, pins=["reducer-when-present", "mapping-translates"])
@pytest.mark.parametrize("n", [1, 3, 6])
def test_graph_loop_with_append_reducer_and_mapping(n):
    app = _loop_graph(n, {"messages": ag.append})
    start = {"messages": ["hello"], "turn": 0, "last": None}
    got = app.invoke(start, recursion_limit=25)
    expect(isinstance(got, dict), "invoke should return the final state dict")
    expect(got.get("messages") == _loop_expected(n, ["hello"]),
           "messages should accumulate through the 'messages' reducer (append), not be overwritten")
    expect(got.get("turn") == n and got.get("last") == ("tools" if n > 1 else None),
           "keys without a reducer are overwritten by each update")


@check("state_graph", points=2, pins=["reducer-when-present", "partial-updates"])
def test_graph_custom_reducers_and_missing_key():
    rng = np.random.default_rng(71)
    values = [int(v) for v in rng.integers(-20, 20, size=5)]
    g = ag.StateGraph(reducers={"total": lambda a, b: a + b, "best": max, "log": lambda a, b: a + "|" + b})
    names = [f"n{i}" for i in range(len(values))]
    for i, (name, v) in enumerate(zip(names, values)):
        g.add_node(name, lambda s, v=v, i=i: {"total": v, "best": v, "log": f"s{i}", "last": v})
        g.add_edge(name, names[i + 1] if i + 1 < len(names) else ag.END)
    g.set_entry_point(names[0])
    got = g.compile().invoke({"total": 100, "best": -99})
    expect(got.get("total") == 100 + sum(values), "reducers combine old and new values: total should be a running sum")
    expect(got.get("best") == max([-99] + values), "the 'best' reducer (max) was not applied")
    expect(got.get("log") == "|".join(f"s{i}" for i in range(len(values))),
           "a reducer key missing from the state is set to the first update as is, then reduced")
    expect(got.get("last") == values[-1], "keys without a reducer are overwritten")


@check("state_graph", points=2, pins=["deep-copy-to-nodes", "caller-state-untouched"])
def test_graph_nodes_cannot_mutate_state_and_input_untouched():
    def sneaky(state):
        state["messages"].append("sneaky")
        state["count"] = -1
        state["nested"]["k"] = "changed"
        return {"visited": True}

    def router(state):
        state["messages"].clear()
        return "next"

    g = ag.StateGraph(reducers={"messages": ag.append})
    g.add_node("sneaky", sneaky)
    g.add_node("reader", lambda s: {"messages": [f"count={s['count']}"], "seen_nested": s["nested"]["k"]})
    g.set_entry_point("sneaky")
    g.add_conditional_edges("sneaky", router, {"next": "reader"})
    g.add_edge("reader", ag.END)
    start = {"messages": ["m0"], "count": 5, "nested": {"k": "orig"}}
    before = copy.deepcopy(start)
    got = g.compile().invoke(start)
    expect(start == before, "invoke modified the caller's state dict: work on a copy")
    expect("sneaky" not in got.get("messages", []) and got.get("count") == 5 and got.get("seen_nested") == "orig"
           and "m0" in got.get("messages", []),
           "a node (or router) changed the graph's state by mutating its argument: pass nodes a deep copy")
    expect(got.get("messages") == ["m0", "count=5"], "messages should go through the append reducer")
    expect(got.get("visited") is True, "the node's returned update was lost")


@check("state_graph", points=2, pins=["recursion-exact"])
@pytest.mark.parametrize("n", [2, 5])
def test_graph_recursion_limit_is_exact(n):
    runs = 2 * n - 1  # agent n times, tools n - 1 times
    app = _loop_graph(n, {"messages": ag.append})
    got = app.invoke({"messages": [], "turn": 0, "last": None}, recursion_limit=runs)
    expect(got.get("turn") == n, f"recursion_limit={runs} allows exactly {runs} node runs: this graph needs that many")
    expect_raises(ag.GraphRecursionError,
                  lambda: app.invoke({"messages": [], "turn": 0, "last": None}, recursion_limit=runs - 1),
                  f"this graph needs {runs} node runs: recursion_limit={runs - 1} should raise GraphRecursionError")


@check("state_graph", points=1, timeout=5, pins=["repeatable"])
def test_graph_infinite_loop_raises_and_invoke_is_repeatable():
    g = ag.StateGraph()
    g.add_node("ping", lambda s: {"n": s["n"] + 1})
    g.add_node("pong", lambda s: {"n": s["n"] * 2})
    g.set_entry_point("ping")
    g.add_edge("ping", "pong")
    g.add_conditional_edges("pong", lambda s: "ping")  # no mapping: the router names the next node
    app = g.compile()
    expect_raises(ag.GraphRecursionError, lambda: app.invoke({"n": 0}, recursion_limit=7),
                  "a graph that never reaches END should raise GraphRecursionError")
    app = _loop_graph(3, {"messages": ag.append})
    first = app.invoke({"messages": [], "turn": 0, "last": None})
    second = app.invoke({"messages": [], "turn": 0, "last": None})
    expect(first == second, "invoking the same compiled graph twice gave different results: keep no run state on the graph")


@check("state_graph", points=1, pins=["entry-names-node", "edges-name-nodes", "missing-key-raises"])
def test_graph_compile_validates_and_unknown_route_raises():
    g = ag.StateGraph()
    g.add_node("a", lambda s: {})
    g.add_edge("a", ag.END)
    expect_raises(ValueError, g.compile, "compile() without an entry point should raise ValueError")
    g = ag.StateGraph()
    g.add_node("a", lambda s: {})
    g.set_entry_point("a")
    g.add_edge("a", "ghost")
    expect_raises(ValueError, g.compile, "compile() with an edge to an unknown node should raise ValueError")
    g = ag.StateGraph()
    g.add_node("a", lambda s: None)  # None = no update
    g.add_node("b", lambda s: {"x": 1})
    g.set_entry_point("a")
    g.add_edge("a", "b")
    expect_raises(ValueError, g.compile, "compile() with a node that has no outgoing edge should raise ValueError")
    g.add_conditional_edges("b", lambda s: "sideways", {"up": ag.END})
    expect_raises(ValueError, lambda: g.compile().invoke({"x": 0}),
                  "a router key missing from the mapping should raise ValueError")


@check("state_graph", points=1, pins=["one-way-out", "bad-node-names"])
def test_graph_rejects_duplicates_and_unknown_mapping_targets():
    g = ag.StateGraph()
    g.add_node("a", lambda s: {})
    expect_raises(ValueError, lambda: g.add_node("a", lambda s: {}), "add_node with a name already used should raise ValueError")
    expect_raises(ValueError, lambda: g.add_node(ag.END, lambda s: {}), "add_node(END, ...) should raise ValueError")
    g.add_edge("a", ag.END)
    expect_raises(ValueError, lambda: g.add_edge("a", "a"), "a second add_edge from the same node should raise ValueError")
    expect_raises(ValueError, lambda: g.add_conditional_edges("a", lambda s: "x", {"x": ag.END}),
                  "a conditional edge from a node that already has an edge should raise ValueError")
    g = ag.StateGraph()
    g.add_node("a", lambda s: {})
    g.set_entry_point("a")
    g.add_conditional_edges("a", lambda s: "go", {"go": "ghost", "stop": ag.END})
    expect_raises(ValueError, g.compile, "compile() should raise ValueError when a mapping value names an unknown node")


@check("state_graph", points=1, pins=["append-new-list"])
def test_append_reducer_is_pure():
    left, right = [1, {"a": 2}], [3, 4]
    got = ag.append(left, right)
    expect(got == [1, {"a": 2}, 3, 4] and got is not left, "append(left, right) returns a new list left + right")
    expect(left == [1, {"a": 2}] and right == [3, 4], "append modified its arguments: build a new list")
    expect(ag.append(["x"], "y") == ["x", "y"], "a right-hand value that is not a list is appended as one item")


@check("state_graph", points=1, pins=["tuple-one-item", "append-new-list"])
@pytest.mark.parametrize("right", ["tuple", "string", "dict", "empty_list"])
def test_append_only_a_list_is_spread(right):
    value = {"tuple": ("tool", "call", 3), "string": "hello", "dict": {"role": "user", "content": "hi"},
             "empty_list": []}[right]
    left = [{"role": "system", "content": "s"}, ("a", 1)]
    left_before, value_before = copy.deepcopy(left), copy.deepcopy(value)
    got = ag.append(left, value)
    want = left_before + (list(value_before) if isinstance(value_before, list) else [value_before])
    expect(isinstance(got, list), f"append should return a list, got {type(got).__name__}")
    expect(got == want and type(got[-1] if got else None) is type(want[-1] if want else None),
           f"append(left, {right}): only a list is spread; a tuple, a string or a dict is ONE item appended as is")
    expect(got is not left, "append returns a new list, never `left` itself")
    expect(left == left_before and value == value_before, "append modified an argument")


@check("state_graph", points=1, pins=["router-end", "partial-updates"])
def test_graph_router_without_mapping_may_return_end():
    g = ag.StateGraph(reducers={"log": ag.append})
    g.add_node("count", lambda s: {"n": s["n"] + 1, "log": [s["n"]]})
    g.add_node("idle", lambda s: None)  # None: no update
    g.set_entry_point("count")
    g.add_conditional_edges("count", lambda s: "idle" if s["n"] < 3 else ag.END)  # no mapping: node names, END included
    g.add_edge("idle", "count")
    got = g.compile().invoke({"n": 0, "log": []})
    expect(isinstance(got, dict) and got.get("n") == 3 and got.get("log") == [0, 1, 2],
           "a router without a mapping returns node names, and END stops the graph (END is not a missing node)")
    expect(set(got) == {"n", "log"}, "a node that returns None leaves the state as it is")


@check("state_graph", points=1, pins=["entry-names-node", "edges-name-nodes"])
@pytest.mark.parametrize("case", ["entry_ghost", "entry_renamed", "edge_from_ghost", "conditional_from_ghost"])
def test_graph_compile_rejects_names_of_no_node(case):
    g = ag.StateGraph()
    g.add_node("plan", lambda s: {"p": 1})
    g.add_node("act", lambda s: {"a": 1})
    g.add_edge("plan", "act")
    g.add_edge("act", ag.END)
    g.set_entry_point({"entry_ghost": "ghost", "entry_renamed": "Plan"}.get(case, "plan"))
    if case == "edge_from_ghost":
        g.add_edge("ghost", "act")
    if case == "conditional_from_ghost":
        g.add_conditional_edges("ghost", lambda s: "plan")
    why = {"entry_ghost": "set_entry_point names a node that does not exist",
           "entry_renamed": "set_entry_point names a node that does not exist (names are case-sensitive)",
           "edge_from_ghost": "an edge FROM a node that does not exist",
           "conditional_from_ghost": "a conditional edge FROM a node that does not exist"}[case]
    expect_raises(ValueError, g.compile, f"compile() should raise ValueError: {why}")


@check("state_graph", points=2, pins=["caller-state-untouched"])
def test_graph_in_place_reducer_leaves_the_callers_state_alone():
    def extend_in_place(left, right):  # a careless reducer: it extends the list it is given
        left.extend(right)
        return left

    g = ag.StateGraph(reducers={"messages": extend_in_place})
    g.add_node("a", lambda s: {"messages": ["a"]})
    g.add_node("b", lambda s: {"messages": ["b"], "done": True})
    g.set_entry_point("a")
    g.add_edge("a", "b")
    g.add_edge("b", ag.END)
    start = {"messages": ["m0"], "meta": {"tags": ["x"]}}
    before = copy.deepcopy(start)
    got = g.compile().invoke(start)
    expect(start == before, "invoke changed the caller's state (its nested list): work on a deep copy of it")
    expect(got.get("messages") == ["m0", "a", "b"] and got.get("done") is True, "wrong final state")
    expect(got is not start and got.get("meta") is not start["meta"],
           "the final state shares a nested object with the caller's state: return a new (deep-copied) state")


@check("state_graph", points=1, pins=["recursion-default"])
def test_graph_default_recursion_limit_is_25():
    app = _loop_graph(13, {"messages": ag.append})  # 13 agent runs + 12 tool runs = 25 node executions
    got = app.invoke({"messages": [], "turn": 0, "last": None})
    expect(got.get("turn") == 13, "the default recursion_limit is 25: a graph that needs exactly 25 node runs succeeds")
    g = ag.StateGraph()
    g.add_node("tick", lambda s: {"n": s["n"] + 1})
    g.set_entry_point("tick")
    g.add_conditional_edges("tick", lambda s: "tick" if s["n"] < s["stop"] else ag.END)
    ticker = g.compile()
    expect(ticker.invoke({"n": 0, "stop": 25}).get("n") == 25, "the default recursion_limit is 25: 25 runs of one node succeed")
    expect_raises(ag.GraphRecursionError, lambda: ticker.invoke({"n": 0, "stop": 26}),
                  "the default recursion_limit is 25: a graph that needs 26 node runs should raise GraphRecursionError")
    g = ag.StateGraph()
    g.add_node("only", lambda s: {"k": 1})
    g.set_entry_point("only")
    g.add_edge("only", ag.END)
    expect(g.compile().invoke({}, recursion_limit=1) == {"k": 1}, "recursion_limit=1 allows the one node run it needs")
    expect_raises(ag.GraphRecursionError, lambda: g.compile().invoke({}, recursion_limit=0),
                  "recursion_limit=0 allows no node run: raise GraphRecursionError")


# ---------------------------------------------------------------------------------------------
# supervisor
# ---------------------------------------------------------------------------------------------

def _make_agents(names):
    def make(name):
        def agent(messages):
            words = sum(len(m["content"].split()) for m in messages)
            return f"{name} read {len(messages)} messages ({words} words)"
        return agent
    return {name: make(name) for name in names}


def _reference_supervisor(routes, agents, task, max_turns):
    messages, route = [{"role": "user", "content": task}], []
    for turn in range(max_turns):
        choice = routes[turn].strip()
        if choice.lower() == "finish":
            break
        if choice in agents:
            messages.append({"role": "assistant", "name": choice, "content": agents[choice](copy.deepcopy(messages))})
            route.append(choice)
        else:
            messages.append({"role": "user", "content": f"Error: unknown agent '{choice}'. Choose one of: "
                                                        + ", ".join(agents) + " or FINISH"})
    else:
        turn = max_turns
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    stop = "finish" if turn < max_turns else "max_turns"
    return answers[-1] if answers else None, stop, route, messages


def _supervise_and_compare(routes, names, task, max_turns):
    agents = _make_agents(names)
    llm = ScriptedLLM(routes)
    result = _result_fields(ag.supervisor(llm, agents, task, max_turns=max_turns), "supervisor")
    answer, stop, route, messages = _reference_supervisor(routes, agents, task, max_turns)
    got = result["messages"]
    expect(len(got) == len(messages), f"the conversation has {len(got)} messages, expected {len(messages)}")
    for i, (g, e) in enumerate(zip(got, messages)):
        expect(g == e, f"messages[{i}] differs from the pinned conversation (role '{e['role']}')")
    expect(result.get("route") == route, "route should list the agents that ran, in order")
    expect(result["answer"] == answer and result["stop_reason"] == stop, "wrong answer / stop_reason")
    return llm, result


@check("supervisor", points=2, pins=["exact-agent-name", "no-system-prompt"])
@pytest.mark.parametrize("seed", [81, 82])
def test_supervisor_routes_match_reference(seed):
    rng = np.random.default_rng(seed)
    names = ["researcher", "coder", "critic"][: 2 + seed % 2]
    routes = [str(rng.choice(names)) + (" \n" if rng.random() < 0.5 else "") for _ in range(4 + seed % 3)]
    routes.append("FINISH")
    llm, result = _supervise_and_compare(routes, names, _words(rng, 4, 9), max_turns=10)
    for k, seen in enumerate(llm.seen):
        expect(seen == result["messages"][:len(seen)] and len(seen) == 1 + k,
               f"supervisor call {k + 1} should see the whole conversation so far")


@check("supervisor", points=1, pins=["finish-any-case"])
@pytest.mark.parametrize("finish", ["finish", "  Finish\n"])
def test_supervisor_finish_any_case(finish):
    _supervise_and_compare(["planner", finish], ["planner", "writer"], "plan a trip", max_turns=5)
    _supervise_and_compare([finish], ["planner", "writer"], "nothing to do", max_turns=5)


@check("supervisor", points=2, pins=["unknown-fed-back", "exact-agent-name"])
def test_supervisor_unknown_agent_is_fed_back():
    _supervise_and_compare(["writer", "Writer", "editor", "writer", "FINISH"], ["writer", "reviewer"],
                           "write a haiku", max_turns=8)


@check("supervisor", points=1, pins=["answer-last-agent"])
def test_supervisor_answer_is_the_last_agent_reply():
    _, result = _supervise_and_compare(["critic", "editor", "FINISH"], ["critic", "writer"], "review this", max_turns=6)
    expect(result["answer"] is not None and result["answer"] == result["messages"][1]["content"],
           "the answer is the content of the last AGENT reply, not of an 'unknown agent' error message")
    _, result = _supervise_and_compare(["editor", "FINISH"], ["critic", "writer"], "review this", max_turns=6)
    expect(result["answer"] is None, "when no agent ran, the answer is None")


@check("supervisor", points=2, timeout=5, pins=["max-turns"])
@pytest.mark.parametrize("max_turns", [1, 3])
def test_supervisor_stops_at_max_turns(max_turns):
    llm = ScriptedLLM(default=lambda i: ["a", "b"][i % 2], hard_limit=max_turns + 15)
    result = _result_fields(ag.supervisor(llm, _make_agents(["a", "b"]), "loop forever", max_turns=max_turns), "supervisor")
    expect(len(llm.seen) == max_turns, f"the supervisor LLM was called {len(llm.seen)} times with max_turns={max_turns}")
    expect(result["stop_reason"] == "max_turns" and len(result["messages"]) == 1 + max_turns,
           "without FINISH: stop_reason 'max_turns' after max_turns routing decisions")


@check("supervisor", points=1, pins=["copies"])
def test_supervisor_agents_get_copies():
    def vandal(messages):
        messages.append({"role": "user", "content": "injected"})
        messages[0]["content"] = "rewritten"
        return "done"

    result = _result_fields(ag.supervisor(ScriptedLLM(["vandal", "FINISH"]), {"vandal": vandal}, "task"), "supervisor")
    expect(result["messages"] == [{"role": "user", "content": "task"},
                                  {"role": "assistant", "name": "vandal", "content": "done"}],
           "an agent changed the shared conversation by mutating its argument: pass it a copy")


@check("supervisor", points=2, timeout=5, pins=["unknown-turn-counts", "unknown-stripped", "max-turns"])
@pytest.mark.parametrize("max_turns", [0, 2, 4])
def test_supervisor_unknown_routes_use_up_turns(max_turns):
    routes = ["  editor \n", "Coder", "finish it", "FINISH.", "\tresearcher?"]
    llm = ScriptedLLM(default=lambda i: routes[i % len(routes)], hard_limit=max_turns + 15)
    result = _result_fields(ag.supervisor(llm, _make_agents(["coder", "critic"]), "route me", max_turns=max_turns),
                            "supervisor")
    expect(len(llm.seen) == max_turns, f"the supervisor LLM was called {len(llm.seen)} times with max_turns={max_turns}: "
           "a turn that names no agent counts too")
    want = [{"role": "user", "content": "route me"}] + [
        {"role": "user", "content": f"Error: unknown agent '{routes[i].strip()}'. Choose one of: coder, critic or FINISH"}
        for i in range(max_turns)]
    got = result["messages"]
    expect(len(got) == len(want), f"the conversation has {len(got)} messages, expected {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        expect(g == w, f"messages[{i}] differs from the pinned conversation: an unknown route (stripped) is fed back as "
               "\"Error: unknown agent '<route>'. Choose one of: a, b or FINISH\"")
    expect(result["answer"] is None and result["stop_reason"] == "max_turns" and result.get("route") == [],
           "no agent ran: answer None, stop_reason 'max_turns', route []")


@check("supervisor", points=1, pins=["copies"])
def test_supervisor_llm_gets_a_copy():
    class VandalSupervisor(ScriptedLLM):
        def __call__(self, messages):
            choice = super().__call__(messages)
            messages.append({"role": "user", "content": "forged"})
            messages[0]["content"] = "rewritten"
            return choice

    result = _result_fields(ag.supervisor(VandalSupervisor(["writer", "FINISH"]), _make_agents(["writer"]), "a task"),
                            "supervisor")
    expect(result["messages"] == [{"role": "user", "content": "a task"},
                                  {"role": "assistant", "name": "writer", "content": "writer read 1 messages (2 words)"}],
           "the supervisor LLM changed the shared conversation by mutating its argument: pass it a copy")


@check("supervisor", points=1, pins=["reply-as-is", "answer-last-agent"])
def test_supervisor_stores_agent_replies_as_is():
    replies = {"drafter": "\n  a draft with spaces  \n", "blank": "   "}
    agents = {name: (lambda messages, r=r: r) for name, r in replies.items()}
    result = _result_fields(ag.supervisor(ScriptedLLM(["drafter", " blank", "FINISH"]), agents, "draft"), "supervisor")
    got = result["messages"]
    expect(len(got) == 3 and got[1].get("content") == replies["drafter"] and got[2].get("content") == replies["blank"],
           "an agent's reply is stored as is, surrounding whitespace included (only the supervisor's route is stripped)")
    expect(result["answer"] == replies["blank"], "the answer is the content of the last agent reply, exactly (a "
           "blank reply too: it is not None)")
    expect(result.get("route") == ["drafter", "blank"], "route should list the agents that ran, in order")


# ---------------------------------------------------------------------------------------------
# trim_messages
# ---------------------------------------------------------------------------------------------

def _count(message):
    return len(message["content"].split())


def _conversation(seed, n, system=True):
    rng = np.random.default_rng(seed)
    roles = ["user", "assistant", "tool"]
    messages = [{"role": "system", "content": _words(rng, 2, 7)}] if system else []
    for _ in range(n):
        messages.append({"role": str(rng.choice(roles)), "content": _words(rng, 1, 10)})
    return messages


def _reference_trim(messages, max_tokens, count):
    head = messages[:1] if messages and messages[0]["role"] == "system" else []
    body = messages[len(head):]
    fixed = sum(count(m) for m in head)
    fitting = [s for s in range(len(body) + 1) if fixed + sum(count(m) for m in body[s:]) <= max_tokens]
    start = min(fitting) if fitting else len(body)
    while start < len(body) and body[start]["role"] == "tool":
        start += 1
    return head + body[start:]


@check("trim_messages", points=2, pins=["fits-inclusive", "stop-at-first-misfit", "no-leading-tool"])
@pytest.mark.parametrize("seed", [91, 92, 93, 94])
def test_trim_matches_reference(seed):
    messages = _conversation(seed, n=12 + seed % 5, system=seed % 2 == 1)
    total = sum(_count(m) for m in messages)
    for max_tokens in sorted({0, 3, total // 3, total // 2, total - 1, total, total + 5}):
        before = copy.deepcopy(messages)
        got = ag.trim_messages(messages, max_tokens, _count)
        expect(messages == before, "trim_messages modified its input")
        want = _reference_trim(messages, max_tokens, _count)
        expect(isinstance(got, list), f"trim_messages should return a list, got {type(got).__name__}")
        expect(got == want, f"with max_tokens={max_tokens}: keep the system message, then the longest run of most "
               "recent whole messages that fits (contiguous, original order), minus leading tool messages")


@check("trim_messages", points=1, pins=["system-always-kept"])
def test_trim_keeps_oversized_system_message():
    messages = [{"role": "system", "content": "a b c d e f g h"}, {"role": "user", "content": "hi"},
                {"role": "assistant", "content": "hello"}]
    got = ag.trim_messages(messages, 5, _count)
    expect(got == messages[:1], "the system message is always kept, even when it alone exceeds max_tokens")


@check("trim_messages", points=1, pins=["empty"])
def test_trim_empty_conversation():
    got = ag.trim_messages([], 10, _count)
    expect(isinstance(got, list) and got == [], "an empty conversation trims to an empty list")


@check("trim_messages", points=1, pins=["stop-at-first-misfit"])
def test_trim_never_skips_to_older_messages():
    messages = [{"role": "system", "content": "sys"}, {"role": "user", "content": "q"},
                {"role": "assistant", "content": "one two three four five six"},
                {"role": "user", "content": "x y"}]
    got = ag.trim_messages(messages, 4, _count)
    expect(got == [messages[0], messages[3]],
           "stop at the first message (from the end) that does not fit: a gap would change what the model sees")


@check("trim_messages", points=1, pins=["no-leading-tool"])
def test_trim_drops_orphan_tool_messages():
    messages = [{"role": "system", "content": "s"}, {"role": "user", "content": "look up ada"},
                {"role": "assistant", "content": "Action: lookup Action Input: ada"},
                {"role": "tool", "content": "Observation: born 1815"},
                {"role": "tool", "content": "Observation: died 1852"},
                {"role": "assistant", "content": "Final Answer: 1815"}]
    got = ag.trim_messages(messages, 9, _count)
    expect(got == [messages[0], messages[5]],
           "the kept run must not start with tool messages whose call was trimmed away")


@check("trim_messages", points=2, pins=["only-first-system"])
@pytest.mark.parametrize("case", ["system_later", "second_system", "system_last"])
def test_trim_a_later_system_message_is_an_ordinary_message(case):
    m = lambda role, content: {"role": role, "content": content}  # noqa: E731
    messages = {
        "system_later": [m("user", "one two three"), m("system", "a b c d e f"), m("assistant", "x y"), m("user", "z")],
        "second_system": [m("system", "sys"), m("user", "q r s t"), m("system", "new rules here ok"), m("user", "go on")],
        "system_last": [m("user", "a b c d e"), m("assistant", "f g"), m("system", "h i j k l m n")],
    }[case]
    for max_tokens in range(0, sum(_count(x) for x in messages) + 2):
        got = ag.trim_messages(messages, max_tokens, _count)
        expect(got == _reference_trim(messages, max_tokens, _count),
               f"{case.replace('_', ' ')}, max_tokens={max_tokens}: only messages[0] is treated as the system message; "
               "a system message further on is an ordinary message (it is counted, and trimmed like the others)")


@check("trim_messages", points=1, pins=["new-list"])
@pytest.mark.parametrize("system", [True, False])
def test_trim_returns_a_new_list_when_everything_fits(system):
    messages = _conversation(95 + system, n=6, system=system)
    messages[1 if system else 0]["role"] = "user"  # a leading tool message would be dropped
    got = ag.trim_messages(messages, 10_000, _count)
    expect(got == messages, "everything fits: every message is kept, in order")
    expect(got is not messages, "trim_messages returned the caller's list itself: return a new list "
           "(a caller that appends to the result must not change its own conversation)")


@check("trim_messages", points=1, pins=["zero-token-fits"])
def test_trim_zero_token_messages_fit():
    m = lambda role, content: {"role": role, "content": content}  # noqa: E731
    messages = [m("user", "a b c"), m("assistant", ""), m("user", "d e"), m("assistant", ""), m("user", "")]
    for max_tokens, want in [(0, messages[3:]), (1, messages[3:]), (2, messages[1:]), (4, messages[1:]), (5, messages)]:
        got = ag.trim_messages(messages, max_tokens, _count)
        expect(got == want, f"max_tokens={max_tokens}: a message of 0 tokens always fits (<=), even when the budget "
               "left is 0: keep walking back until a message does not fit")
    sysmsg = [m("system", "s t"), m("user", ""), m("assistant", "")]
    expect(ag.trim_messages(sysmsg, 2, _count) == sysmsg,
           "the system message uses the whole budget: the 0-token messages after it still fit")


# ---------------------------------------------------------------------------------------------
# retry_with_backoff
# ---------------------------------------------------------------------------------------------

class Flaky:
    """Raises errors[i] on call i, then returns value."""

    def __init__(self, errors, value="ok"):
        self.errors, self.value, self.calls = list(errors), value, 0

    def __call__(self):
        self.calls += 1
        if self.calls <= len(self.errors):
            raise self.errors[self.calls - 1]
        return self.value


def _window(k, base, cap):
    """min(cap, base * 2**k) without ever forming a float too large (2.0**1024 overflows)."""
    return cap if k >= 2000 or base * 2.0 ** min(k, 1000) >= cap else base * 2.0 ** k


def _reference_delays(make_rng, n, base, cap):
    rng = make_rng()
    return [rng.uniform(0, _window(k, base, cap)) for k in range(n)]


RNGS = {"random.Random": lambda seed: random.Random(seed), "numpy.Generator": lambda seed: np.random.default_rng(seed)}


@check("retry_with_backoff", points=2, pins=["window-formula", "one-uniform-per-sleep"])
@pytest.mark.parametrize("rng_kind", list(RNGS))
def test_retry_succeeds_after_failures_with_full_jitter(rng_kind):
    errors = [TimeoutError(f"attempt {i}") for i in range(3)]
    fn, slept = Flaky(errors, value={"status": 200}), []
    got = ag.retry_with_backoff(fn, retries=5, base_delay=0.3, max_delay=10.0, sleep=slept.append,
                                rng=RNGS[rng_kind](101))
    expect(got == {"status": 200}, "return fn()'s value once it succeeds")
    expect(fn.calls == 4, f"fn was called {fn.calls} times: it fails 3 times then succeeds")
    expect(len(slept) == 3, f"slept {len(slept)} times, expected once after each failed attempt")
    want = _reference_delays(lambda: RNGS[rng_kind](101), 3, 0.3, 10.0)
    assert_close(slept, want, name="sleep delays",
                 hint="delay after failed attempt k (0-based) = rng.uniform(0, min(max_delay, base_delay * 2**k)), "
                      "one rng.uniform call per sleep")


@check("retry_with_backoff", points=2, pins=["window-formula"])
def test_retry_caps_the_window_at_max_delay():
    fn, slept = Flaky([ConnectionError(str(i)) for i in range(8)]), []
    got = ag.retry_with_backoff(fn, retries=8, base_delay=0.25, max_delay=2.0, sleep=slept.append, rng=random.Random(7))
    expect(got == "ok" and len(slept) == 8, "8 failures then success: 8 sleeps")
    assert_close(slept, _reference_delays(lambda: random.Random(7), 8, 0.25, 2.0), name="sleep delays",
                 hint="the jitter window doubles each attempt and is capped at max_delay")
    expect(max(slept) <= 2.0, "a delay exceeded max_delay")


@check("retry_with_backoff", points=2, pins=["reraise-last", "attempts"])
def test_retry_reraises_the_last_exception_without_final_sleep():
    errors = [RuntimeError(f"boom {i}") for i in range(4)]
    fn, slept = Flaky(errors), []
    try:
        ag.retry_with_backoff(fn, retries=3, base_delay=1.0, max_delay=30.0, sleep=slept.append, rng=random.Random(3))
    except NotImplementedError:
        raise
    except RuntimeError as error:
        expect(error is errors[-1], "re-raise the LAST attempt's exception itself (a bare `raise`), not the first or a new one")
    else:
        raise AssertionError("every attempt failed but no exception was raised: re-raise the last one")
    expect(fn.calls == 4, f"retries=3 means 4 attempts in all; fn was called {fn.calls} times")
    expect(len(slept) == 3, f"slept {len(slept)} times for 4 attempts: no sleep after the last attempt")
    assert_close(slept, _reference_delays(lambda: random.Random(3), 3, 1.0, 30.0), name="sleep delays")


@check("retry_with_backoff", points=1, pins=["retry-on-only", "attempts"])
def test_retry_only_on_listed_exceptions():
    fn, slept = Flaky([TimeoutError("slow"), KeyError("bad request")]), []
    expect_raises(KeyError, lambda: ag.retry_with_backoff(fn, retries=5, base_delay=0.1, sleep=slept.append,
                                                           rng=random.Random(5), retry_on=(TimeoutError, ConnectionError)),
                  "an exception outside retry_on should propagate at once")
    expect(fn.calls == 2 and len(slept) == 1, "an exception not in retry_on is raised at once, without retrying or sleeping")
    fn, slept = Flaky([]), []
    expect(ag.retry_with_backoff(fn, retries=0, sleep=slept.append, rng=random.Random(5)) == "ok" and fn.calls == 1
           and not slept, "a first-try success: one call, no sleep")


@check("retry_with_backoff", points=1, pins=["default-rng"])
def test_retry_default_rng():
    fn, slept = Flaky([TimeoutError("a"), TimeoutError("b")]), []
    try:
        got = ag.retry_with_backoff(fn, retries=3, base_delay=0.5, max_delay=8.0, sleep=slept.append)
    except NotImplementedError:
        raise
    except Exception as error:
        raise AssertionError(f"retry_with_backoff without `rng` raised {type(error).__name__}: "
                             "rng=None means random.Random()") from None
    expect(got == "ok" and fn.calls == 3 and len(slept) == 2, "two failures then success: three calls, two sleeps")
    expect(0 <= slept[0] <= 0.5 and 0 <= slept[1] <= 1.0, "a delay fell outside its full-jitter window [0, base_delay * 2**k]")


@check("retry_with_backoff", points=1, pins=["cap-first-window", "attempts"])
def test_retry_cap_holds_from_the_first_window():
    fn, slept = Flaky([OSError(str(i)) for i in range(3)]), []
    got = ag.retry_with_backoff(fn, retries=4, base_delay=3.0, max_delay=2.0, sleep=slept.append, rng=random.Random(17),
                                retry_on=(ConnectionError, OSError))
    expect(got == "ok" and fn.calls == 4 and len(slept) == 3, "3 failures then success: 4 calls, 3 sleeps")
    assert_close(slept, _reference_delays(lambda: random.Random(17), 3, 3.0, 2.0), name="sleep delays",
                 hint="base_delay > max_delay: every window, the first one too, is capped at max_delay")
    fn, slept = Flaky([OSError("x")]), []
    expect_raises(OSError, lambda: ag.retry_with_backoff(fn, retries=0, sleep=slept.append, rng=random.Random(1)),
                  "retries=0: one attempt; its exception is raised")
    expect(fn.calls == 1 and not slept, "retries=0 and a failure: one call and no sleep at all")


@check("retry_with_backoff", points=2, timeout=20, pins=["large-retries", "window-formula"])
def test_retry_large_retries_do_not_overflow():
    n = 1100  # base_delay * 2**k does not fit in a float from k = 1024 on (with base_delay = 0.5: 1025)
    slept = []
    # fn is a library function the learner's side runs itself (no round trip per attempt): called with
    # no argument, math.factorial raises TypeError every time
    try:
        ag.retry_with_backoff(math.factorial, retries=n, base_delay=0.5, max_delay=4.0, sleep=slept.append,
                              rng=np.random.default_rng(23), retry_on=(TypeError,))
    except NotImplementedError:
        raise
    except OverflowError:
        raise AssertionError("retry_with_backoff raised OverflowError for a large `retries`: base_delay * 2**k does not "
                             "fit in a float for k >= 1024; cap the window before it can overflow") from None
    except TypeError:
        pass
    else:
        raise AssertionError(f"every one of the {n + 1} attempts failed but nothing was raised: re-raise the last one")
    expect(len(slept) == n, f"slept {len(slept)} times for {n + 1} failed attempts: once after each but the last")
    assert_close(slept, _reference_delays(lambda: np.random.default_rng(23), n, 0.5, 4.0), name="sleep delays",
                 hint="past the cap every window is exactly max_delay, however large k grows")

"""Reads the input from the rest of the 'Action Input:' line only: an input on the lines below is lost."""
import json


def parse_react(text):
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
    raw = text[given.end():].split("\n", 1)[0].strip()
    if raw.startswith("{"):
        try:
            return Action(tool, json.loads(raw))
        except json.JSONDecodeError as error:
            raise ParseError(f"the Action Input is not valid JSON: {error}") from None
    return Action(tool, raw)

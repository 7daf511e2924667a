"""Finds 'Final Answer:' / 'Action:' anywhere (str.find), so a Thought that mentions them is misread."""
import json


def parse_react(text):
    lower = text.lower()
    at = lower.find("final answer:")
    if at != -1:
        return FinalAnswer(text[at + len("final answer:"):].strip())
    at = lower.find("action:")
    if at == -1:
        raise ParseError("no 'Action:' line and no 'Final Answer:' line found in the reply")
    line_end = text.find("\n", at)
    line_end = len(text) if line_end == -1 else line_end
    tool = text[at + len("action:"):line_end].strip()
    if not tool:
        raise ParseError("the 'Action:' line names no tool")
    start = lower.find("action input:", line_end)
    if start == -1:
        raise ParseError(f"'Action: {tool}' is not followed by an 'Action Input:' line")
    end = lower.find("observation:", start)
    raw = text[start + len("action input:"):end if end != -1 else len(text)].strip()
    if raw.startswith("{"):
        try:
            return Action(tool, json.loads(raw))
        except json.JSONDecodeError as error:
            raise ParseError(f"the Action Input is not valid JSON: {error}") from None
    return Action(tool, raw)

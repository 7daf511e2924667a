"""Matches the labels exactly as 'Action:' / 'Final Answer:': lowercase, spaced or indented labels are missed."""
import json


def parse_react(text):
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("Final Answer:"):
            return FinalAnswer("\n".join([line[len("Final Answer:"):]] + lines[i + 1:]).strip())
    tool = raw = None
    for i, line in enumerate(lines):
        if tool is None and line.startswith("Action:"):
            tool = line[len("Action:"):].strip()
            if not tool:
                raise ParseError("the 'Action:' line names no tool")
        elif tool is not None and line.startswith("Action Input:"):
            rest = [line[len("Action Input:"):]]
            for more in lines[i + 1:]:
                if more.startswith("Observation:"):
                    break
                rest.append(more)
            raw = "\n".join(rest).strip()
            break
    if tool is None:
        raise ParseError("no 'Action:' line and no 'Final Answer:' line found in the reply")
    if raw is None:
        raise ParseError(f"'Action: {tool}' is not followed by an 'Action Input:' line")
    if raw.startswith("{"):
        try:
            return Action(tool, json.loads(raw))
        except json.JSONDecodeError as error:
            raise ParseError(f"the Action Input is not valid JSON: {error}") from None
    return Action(tool, raw)

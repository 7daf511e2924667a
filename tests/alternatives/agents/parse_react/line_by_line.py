"""Walks the reply line by line, matching one anchored label regex per line instead of searching the whole text."""
import json
import re

_LINE_LABEL = re.compile(r"[ \t]*(final[ \t]+answer|action[ \t]+input|action|observation)[ \t]*:", re.IGNORECASE)


def _label_of(line):
    """(normalised label, text after the colon) when the line starts with a label, else (None, line)."""
    match = _LINE_LABEL.match(line)
    if match is None:
        return None, line
    return " ".join(match.group(1).lower().split()), line[match.end():]


def parse_react(text):
    lines = text.split("\n")
    labelled = [_label_of(line) for line in lines]
    for i, (label, rest) in enumerate(labelled):
        if label == "final answer":
            return FinalAnswer("\n".join([rest] + lines[i + 1:]).strip())

    action_line = next((i for i, (label, _) in enumerate(labelled) if label == "action"), None)
    if action_line is None:
        raise ParseError("the reply has no 'Action:' and no 'Final Answer:'")
    tool = labelled[action_line][1].strip()
    if not tool:
        raise ParseError("the Action line names no tool")

    input_line = next((i for i in range(action_line + 1, len(lines)) if labelled[i][0] == "action input"), None)
    if input_line is None:
        raise ParseError("the Action is not followed by an Action Input")
    parts = [labelled[input_line][1]]
    for line, (label, _) in zip(lines[input_line + 1:], labelled[input_line + 1:]):
        if label == "observation":
            break
        parts.append(line)
    raw = "\n".join(parts).strip()
    if not raw.startswith("{"):
        return Action(tool, raw)
    try:
        return Action(tool, json.loads(raw))
    except ValueError:
        raise ParseError("the Action Input starts with '{' but is not valid JSON") from None

"""Splits the reply into (label, body) segments with one re.split, then reads the segments."""
import json
import re

_SEGMENT = re.compile(r"(^[ \t]*(?:final[ \t]+answer|action[ \t]+input|action|observation)[ \t]*:)",
                      re.IGNORECASE | re.MULTILINE)


def _kind(label):
    return " ".join(label.rstrip(":").lower().split())


def parse_react(text):
    parts = _SEGMENT.split(text)          # [before, label, body, label, body, ...]
    labels = [_kind(p) for p in parts[1::2]]

    if "final answer" in labels:
        k = labels.index("final answer")
        return FinalAnswer("".join(parts[2 * k + 2:]).strip())
    if "action" not in labels:
        raise ParseError("found neither an Action nor a Final Answer")
    a = labels.index("action")
    tool = parts[2 * a + 2].split("\n", 1)[0].strip()
    if not tool:
        raise ParseError("Action without a tool name")
    if "action input" not in labels[a + 1:]:
        raise ParseError("Action without an Action Input after it")
    k = labels.index("action input", a + 1)
    body = parts[2 * k + 2]
    for j in range(k + 1, len(labels)):   # the input runs on through other labels, up to an Observation
        if labels[j] == "observation":
            break
        body += parts[2 * j + 1] + parts[2 * j + 2]
    body = body.strip()
    if body.startswith("{"):
        try:
            body = json.loads(body)
        except json.JSONDecodeError:
            raise ParseError("Action Input is not valid JSON") from None
    return Action(tool, body)

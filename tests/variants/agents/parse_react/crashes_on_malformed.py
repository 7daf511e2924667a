"""Calls .group() on a failed re.search: malformed replies crash with AttributeError, not ParseError."""
import json
import re


def parse_react(text):
    final = re.search(r"^\s*final\s+answer\s*:(.*)", text, re.IGNORECASE | re.MULTILINE | re.DOTALL)
    if final:
        return FinalAnswer(final.group(1).strip())
    tool = re.search(r"^\s*action\s*:(.*)$", text, re.IGNORECASE | re.MULTILINE).group(1).strip()
    raw = re.search(r"^\s*action\s+input\s*:(.*?)(?=^\s*observation\s*:|\Z)", text,
                    re.IGNORECASE | re.MULTILINE | re.DOTALL).group(1).strip()
    return Action(tool, json.loads(raw) if raw.startswith("{") else raw)

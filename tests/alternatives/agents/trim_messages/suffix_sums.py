"""Computes the running token totals from the end with itertools.accumulate and counts how many fit."""
from itertools import accumulate, takewhile


def trim_messages(messages, max_tokens, count_tokens):
    has_system = bool(messages) and messages[0]["role"] == "system"
    head = [messages[0]] if has_system else []
    body = list(messages[1:] if has_system else messages)
    budget = max_tokens - (count_tokens(messages[0]) if has_system else 0)
    totals = accumulate(count_tokens(m) for m in reversed(body))      # tokens of the last 1, 2, 3 ... messages
    keep = sum(1 for _ in takewhile(lambda total: total <= budget, totals))
    kept = body[len(body) - keep:] if keep else []
    while kept and kept[0]["role"] == "tool":
        kept = kept[1:]
    return head + kept

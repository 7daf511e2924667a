"""Pins every system message, wherever it is, instead of only messages[0]."""


def trim_messages(messages, max_tokens, count_tokens):
    pinned = [i for i, m in enumerate(messages) if m["role"] == "system"]
    budget = max_tokens - sum(count_tokens(messages[i]) for i in pinned)
    body = [i for i in range(len(messages)) if i not in pinned]
    start = len(body)
    while start > 0 and count_tokens(messages[body[start - 1]]) <= budget:
        budget -= count_tokens(messages[body[start - 1]])
        start -= 1
    while start < len(body) and messages[body[start]]["role"] == "tool":
        start += 1
    keep = set(pinned) | set(body[start:])
    return [m for i, m in enumerate(messages) if i in keep]

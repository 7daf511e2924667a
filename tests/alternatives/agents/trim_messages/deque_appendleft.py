"""Walks back from the end pushing fitting messages onto the left of a deque, then pops leading tool messages."""
from collections import deque


def trim_messages(messages, max_tokens, count_tokens):
    kept = deque()
    first = 0
    remaining = max_tokens
    if messages and messages[0]["role"] == "system":
        first = 1
        remaining -= count_tokens(messages[0])
    for message in reversed(messages[first:]):
        cost = count_tokens(message)
        if cost > remaining:
            break
        remaining -= cost
        kept.appendleft(message)
    while kept and kept[0]["role"] == "tool":
        kept.popleft()
    return list(messages[:first]) + list(kept)

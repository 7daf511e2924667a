"""Keeps the system message only while it fits: one longer than max_tokens is dropped."""


def trim_messages(messages, max_tokens, count_tokens):
    head = list(messages[:1]) if messages and messages[0]["role"] == "system" else []
    if head and count_tokens(head[0]) > max_tokens:
        head = []
    body = messages[1:] if messages and messages[0]["role"] == "system" else messages
    budget = max_tokens - sum(count_tokens(m) for m in head)
    start = len(body)
    while start > 0 and count_tokens(body[start - 1]) <= budget:
        budget -= count_tokens(body[start - 1])
        start -= 1
    while start < len(body) and body[start]["role"] == "tool":
        start += 1
    return head + body[start:]

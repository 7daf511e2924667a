"""Walks back only while budget is left (budget > 0), so 0-token messages after a spent budget are dropped."""


def trim_messages(messages, max_tokens, count_tokens):
    head = list(messages[:1]) if messages and messages[0]["role"] == "system" else []
    body = messages[len(head):]
    budget = max_tokens - sum(count_tokens(m) for m in head)
    start = len(body)
    while start > 0 and budget > 0 and count_tokens(body[start - 1]) <= budget:
        budget -= count_tokens(body[start - 1])
        start -= 1
    while start < len(body) and body[start]["role"] == "tool":
        start += 1
    return head + body[start:]

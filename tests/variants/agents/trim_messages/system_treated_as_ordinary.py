"""Treats the system message like any other: it is the first to go when the budget is tight."""


def trim_messages(messages, max_tokens, count_tokens):
    budget, start = max_tokens, len(messages)
    while start > 0 and count_tokens(messages[start - 1]) <= budget:
        budget -= count_tokens(messages[start - 1])
        start -= 1
    while start < len(messages) and messages[start]["role"] == "tool":
        start += 1
    return list(messages[start:])

"""Skips a message that does not fit and keeps adding older, smaller ones: the kept history has gaps."""


def trim_messages(messages, max_tokens, count_tokens):
    head = list(messages[:1]) if messages and messages[0]["role"] == "system" else []
    body = messages[len(head):]
    budget = max_tokens - sum(count_tokens(m) for m in head)
    kept = []
    for message in reversed(body):
        if count_tokens(message) <= budget:
            budget -= count_tokens(message)
            kept.append(message)
    kept.reverse()
    while kept and kept[0]["role"] == "tool":
        kept.pop(0)
    return head + kept

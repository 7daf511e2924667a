"""Collects messages walking backwards and forgets to reverse them: the kept history is newest first."""


def trim_messages(messages, max_tokens, count_tokens):
    head = list(messages[:1]) if messages and messages[0]["role"] == "system" else []
    body = messages[len(head):]
    budget = max_tokens - sum(count_tokens(m) for m in head)
    kept = []
    for message in reversed(body):
        if count_tokens(message) > budget:
            break
        budget -= count_tokens(message)
        kept.append(message)
    while kept and kept[-1]["role"] == "tool":
        kept.pop()
    return head + kept

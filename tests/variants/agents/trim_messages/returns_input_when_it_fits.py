"""Returns the caller's list itself when the whole conversation already fits."""


def _trim(messages, max_tokens, count_tokens):
    head = list(messages[:1]) if messages and messages[0]["role"] == "system" else []
    body = messages[len(head):]
    budget = max_tokens - sum(count_tokens(m) for m in head)
    start = len(body)
    while start > 0 and count_tokens(body[start - 1]) <= budget:
        budget -= count_tokens(body[start - 1])
        start -= 1
    while start < len(body) and body[start]["role"] == "tool":
        start += 1
    return head + body[start:]


def trim_messages(messages, max_tokens, count_tokens):
    kept = _trim(messages, max_tokens, count_tokens)
    return messages if len(kept) == len(messages) else kept

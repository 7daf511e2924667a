"""Pastes the context into the template with replace, then formats the result: braces in a chunk break it."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    def render(kept):
        context = "\n".join(f"[{n}] {chunks[i]}" for n, i in enumerate(kept, start=1))
        try:
            return PROMPT_TEMPLATE.replace("{context}", context).format(question=question)  # noqa: F821
        except (KeyError, IndexError, ValueError):
            return PROMPT_TEMPLATE.replace("{context}", context).replace("{question}", question)  # noqa: F821

    if count_tokens(render([])) > max_tokens:
        raise ValueError("the question alone does not fit in max_tokens")
    kept = []
    for i in range(len(chunks)):
        if count_tokens(render(kept + [i])) <= max_tokens:
            kept.append(i)
    return render(kept), kept

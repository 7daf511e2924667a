"""Counts the budget additively: tokens of the empty prompt plus the tokens of each kept '[n] chunk' line."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    def render(kept):
        context = "\n".join(f"[{n}] {chunks[i]}" for n, i in enumerate(kept, start=1))
        return PROMPT_TEMPLATE.format(context=context, question=question)  # noqa: F821

    used = count_tokens(render([]))
    if used > max_tokens:
        raise ValueError("the question alone does not fit in max_tokens")
    kept = []
    for i, chunk in enumerate(chunks):
        cost = count_tokens(f"[{len(kept) + 1}] {chunk}")
        if used + cost <= max_tokens:
            kept.append(i)
            used += cost
    return render(kept), kept

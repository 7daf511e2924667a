"""Budgets only the chunk tokens: the template and the question push the prompt past max_tokens."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    kept, used = [], 0
    for i, chunk in enumerate(chunks):
        if used + count_tokens(chunk) <= max_tokens:
            kept.append(i)
            used += count_tokens(chunk)
    context = "\n".join(f"[{n}] {chunks[i]}" for n, i in enumerate(kept, start=1))
    return PROMPT_TEMPLATE.format(context=context, question=question), kept

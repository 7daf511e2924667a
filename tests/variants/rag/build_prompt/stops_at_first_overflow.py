"""Stops at the first chunk that does not fit instead of skipping it and trying the later ones."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    def render(kept):
        context = "\n".join(f"[{n}] {chunks[i]}" for n, i in enumerate(kept, start=1))
        return PROMPT_TEMPLATE.format(context=context, question=question)

    if count_tokens(render([])) > max_tokens:
        raise ValueError("the question alone does not fit in max_tokens")
    kept = []
    for i in range(len(chunks)):
        if count_tokens(render(kept + [i])) > max_tokens:
            break
        kept.append(i)
    return render(kept), kept

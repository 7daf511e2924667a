"""Strips each chunk before numbering it: the passage text is no longer the chunk as given."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    def render(kept):
        context = "\n".join(f"[{n}] {chunks[i].strip()}" for n, i in enumerate(kept, start=1))
        return PROMPT_TEMPLATE.format(context=context, question=question)  # noqa: F821

    if count_tokens(render([])) > max_tokens:
        raise ValueError("the question alone does not fit in max_tokens")
    kept = []
    for i in range(len(chunks)):
        if count_tokens(render(kept + [i])) <= max_tokens:
            kept.append(i)
    return render(kept), kept

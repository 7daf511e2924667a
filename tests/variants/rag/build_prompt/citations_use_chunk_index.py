"""Numbers each passage by its position in chunks ([i + 1]), so skipped chunks leave gaps in the citations."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    def render(kept):
        context = "\n".join(f"[{i + 1}] {chunks[i]}" for i in kept)
        return PROMPT_TEMPLATE.format(context=context, question=question)

    if count_tokens(render([])) > max_tokens:
        raise ValueError("the question alone does not fit in max_tokens")
    kept = []
    for i in range(len(chunks)):
        if count_tokens(render(kept + [i])) <= max_tokens:
            kept.append(i)
    return render(kept), kept

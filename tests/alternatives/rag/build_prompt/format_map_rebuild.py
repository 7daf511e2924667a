"""Fills the template with format_map and rebuilds the numbered context from scratch for every candidate."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    def prompt_for(kept):
        lines = ["[" + str(n + 1) + "] " + chunks[i] for n, i in enumerate(kept)]
        return PROMPT_TEMPLATE.format_map({"context": "\n".join(lines), "question": question})  # noqa: F821

    if not count_tokens(prompt_for([])) <= max_tokens:
        raise ValueError(f"max_tokens={max_tokens} is too small even for the prompt without context")
    kept = []
    for i in range(len(chunks)):
        if count_tokens(prompt_for(kept + [i])) <= max_tokens:
            kept = kept + [i]
    return prompt_for(kept), kept

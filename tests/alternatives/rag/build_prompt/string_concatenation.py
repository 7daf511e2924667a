"""Grows the context string by concatenation and validates the empty prompt after the loop."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    context, sources = "", []
    for i, chunk in enumerate(chunks):
        line = f"[{len(sources) + 1}] {chunk}"
        trial = line if not context else context + "\n" + line
        if count_tokens(PROMPT_TEMPLATE.format(context=trial, question=question)) <= max_tokens:  # noqa: F821
            context = trial
            sources.append(i)
    if count_tokens(PROMPT_TEMPLATE.format(context="", question=question)) > max_tokens:  # noqa: F821
        raise ValueError("even the prompt without any context exceeds max_tokens")
    return PROMPT_TEMPLATE.format(context=context, question=question), sources  # noqa: F821

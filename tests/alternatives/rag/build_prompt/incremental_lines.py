"""Keeps the context as a list of rendered '[n] chunk' lines and tries each candidate line appended to it."""


def build_prompt(question, chunks, max_tokens, count_tokens):
    def fill(lines):
        return PROMPT_TEMPLATE.format(context="\n".join(lines), question=question)  # noqa: F821

    lines, sources = [], []
    if count_tokens(fill(lines)) > max_tokens:
        raise ValueError(f"the prompt without context already needs more than {max_tokens} tokens")
    for index, chunk in enumerate(chunks):
        line = f"[{len(lines) + 1}] {chunk}"
        if count_tokens(fill(lines + [line])) <= max_tokens:
            lines.append(line)
            sources.append(index)
    return fill(lines), sources

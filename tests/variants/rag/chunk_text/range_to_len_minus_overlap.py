"""Starts from range(0, len(text) - overlap, step): a text no longer than the overlap gives []."""


def chunk_text(text, size, overlap=0):
    if size <= 0 or overlap < 0 or overlap >= size:
        raise ValueError("need size > 0 and 0 <= overlap < size")
    step = size - overlap
    return [text[i:i + size] for i in range(0, len(text) - overlap, step)]

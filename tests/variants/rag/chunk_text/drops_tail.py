"""Starts only where a full chunk fits: range(0, len(text) - size + 1, step) drops the tail."""


def chunk_text(text, size, overlap=0):
    if size <= 0 or overlap < 0 or overlap >= size:
        raise ValueError("need size > 0 and 0 <= overlap < size")
    if len(text) <= size:
        return [text] if text else []
    return [text[i:i + size] for i in range(0, len(text) - size + 1, size - overlap)]

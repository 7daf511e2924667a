"""range(0, len(text), step): extra tail chunks that lie entirely inside the previous chunk."""


def chunk_text(text, size, overlap=0):
    if size <= 0 or overlap < 0 or overlap >= size:
        raise ValueError("need size > 0 and 0 <= overlap < size")
    return [text[i:i + size] for i in range(0, len(text), size - overlap)]

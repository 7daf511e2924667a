"""Full chunks while start + size <= len, then the rest as a tail: at an exact fit the tail lies inside the last chunk."""


def chunk_text(text, size, overlap=0):
    if size <= 0 or overlap < 0 or overlap >= size:
        raise ValueError("need size > 0 and 0 <= overlap < size")
    step = size - overlap
    chunks, start = [], 0
    while start + size <= len(text):
        chunks.append(text[start:start + size])
        start += step
    if start < len(text):
        chunks.append(text[start:])
    return chunks

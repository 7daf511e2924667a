"""No argument check: with overlap >= size (or size <= 0) the start never advances and the loop never ends."""


def chunk_text(text, size, overlap=0):
    step = size - overlap
    chunks = []
    start = 0
    while start < len(text):
        chunks.append(text[start:start + size])
        if start + size >= len(text):
            break
        start += step
    return chunks

"""A for loop over range(0, len(text), step) that stops after the first chunk reaching the end."""


def chunk_text(text, size, overlap=0):
    if not (size > 0 and 0 <= overlap < size):
        raise ValueError(f"need size > 0 and 0 <= overlap < size, got size={size}, overlap={overlap}")
    chunks = []
    for start in range(0, len(text), size - overlap):
        chunks.append(text[start:start + size])
        if start + size >= len(text):
            break
    return chunks

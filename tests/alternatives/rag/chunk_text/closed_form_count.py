"""Computes the number of chunks in closed form, 1 + ceil((n - size) / step), then slices."""
import math


def chunk_text(text, size, overlap=0):
    if size <= 0 or not 0 <= overlap < size:
        raise ValueError("size must be positive and overlap in [0, size)")
    if not text:
        return []
    step = size - overlap
    count = 1 + max(0, math.ceil((len(text) - size) / step))
    return [text[i * step:i * step + size] for i in range(count)]

"""Ranks by the raw dot product: forgets to normalise."""
import numpy as np


def cosine_top_k(query, matrix, k):
    sims = np.asarray(matrix, dtype=float) @ np.asarray(query, dtype=float)
    order = np.argsort(-sims, kind="stable")[:k]
    return order, sims[order]

"""Divides by the norms without a guard: a zero vector gives NaN similarities."""
import numpy as np


def cosine_top_k(query, matrix, k):
    matrix, query = np.asarray(matrix, dtype=float), np.asarray(query, dtype=float)
    sims = matrix @ query / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(query))
    order = np.argsort(-sims, kind="stable")[:k]
    return order, sims[order]

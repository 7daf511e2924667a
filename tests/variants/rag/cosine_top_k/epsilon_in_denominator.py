"""Guards the division with an epsilon, a.b / (|a||b| + 1e-10): tiny nonzero vectors get a similarity near 0."""
import numpy as np


def cosine_top_k(query, matrix, k):
    M, q = np.asarray(matrix, dtype=float), np.asarray(query, dtype=float)
    sims = (M @ q) / (np.linalg.norm(M, axis=1) * np.linalg.norm(q) + 1e-10)
    order = np.argsort(-sims, kind="stable")[:k]
    return order, sims[order]

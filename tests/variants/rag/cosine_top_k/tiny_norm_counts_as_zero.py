"""Treats every norm below 1e-12 as a zero vector, so tiny nonzero vectors score 0."""
import numpy as np


def cosine_top_k(query, matrix, k):
    def unit(X):
        X = np.asarray(X, dtype=float)
        norms = np.linalg.norm(X, axis=-1, keepdims=True)
        return np.where(norms < 1e-12, 0.0, X / np.where(norms < 1e-12, 1.0, norms))
    sims = unit(matrix) @ unit(query)
    order = np.argsort(-sims, kind="stable")[:k]
    return order, sims[order]

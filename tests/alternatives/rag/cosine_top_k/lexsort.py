"""Orders by np.lexsort on (index, -similarity) instead of a stable argsort; zero norms via np.divide(where=)."""
import numpy as np


def cosine_top_k(query, matrix, k):
    M, q = np.asarray(matrix, dtype=float), np.asarray(query, dtype=float)
    denom = np.linalg.norm(M, axis=1) * np.linalg.norm(q)                  # (n,)
    sims = np.divide(M @ q, denom, out=np.zeros(len(M)), where=denom > 0)  # (n,)
    order = np.lexsort((np.arange(len(M)), -sims))[:k]                     # score desc, then index
    return order, sims[order]

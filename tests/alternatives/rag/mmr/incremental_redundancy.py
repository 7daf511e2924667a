"""Keeps a running max-similarity-to-the-picked vector, updated with np.maximum after each pick."""
import numpy as np


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    D = np.asarray(doc_vecs, dtype=float)
    if min(k, len(D)) <= 0:
        return []
    norms = np.linalg.norm(D, axis=1, keepdims=True)
    U = np.divide(D, norms, out=np.zeros_like(D), where=norms > 0)          # unit rows, zero rows stay 0
    q = np.asarray(query_vec, dtype=float)
    qn = np.linalg.norm(q)
    relevance = U @ (q / qn) if qn > 0 else np.zeros(len(D))
    picked = [int(np.argmax(relevance))]
    redundancy = U @ U[picked[0]]                                           # (n,) max sim to the picked set
    available = np.ones(len(D), dtype=bool)
    available[picked[0]] = False
    for _ in range(min(k, len(D)) - 1):
        value = np.where(available, lambda_ * relevance - (1 - lambda_) * redundancy, -np.inf)
        best = int(np.argmax(value))
        picked.append(best)
        available[best] = False
        redundancy = np.maximum(redundancy, U @ U[best])
    return picked

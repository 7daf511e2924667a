"""Normalises with v / (|v| + 1e-9): vectors of tiny norm lose their direction and every tie moves."""
import numpy as np


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    D = np.asarray(doc_vecs, dtype=float)
    D = D / (np.linalg.norm(D, axis=1, keepdims=True) + 1e-9)
    q = np.asarray(query_vec, dtype=float)
    q = q / (np.linalg.norm(q) + 1e-9)
    if min(k, len(D)) <= 0:
        return []
    relevance, pairwise = D @ q, D @ D.T
    selected = [int(np.argmax(relevance))]
    while len(selected) < min(k, len(D)):
        value = lambda_ * relevance - (1 - lambda_) * pairwise[:, selected].max(axis=1)
        value[selected] = -np.inf
        selected.append(int(np.argmax(value)))
    return selected

"""Normalises query_vec in place (q /= |q|) before scoring."""
import numpy as np


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    q = np.asarray(query_vec, dtype=float)
    q /= np.linalg.norm(q) or 1.0
    D = _unit_rows(doc_vecs)  # noqa: F821
    relevance = D @ q
    pairwise = D @ D.T
    selected = [int(np.argmax(relevance))]
    while len(selected) < min(k, len(D)):
        value = lambda_ * relevance - (1 - lambda_) * pairwise[:, selected].max(axis=1)
        value[selected] = -np.inf
        selected.append(int(np.argmax(value)))
    return selected

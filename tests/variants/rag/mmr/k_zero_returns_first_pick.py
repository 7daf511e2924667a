"""Always makes the first pick before checking k: k = 0 returns one index."""
import numpy as np


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    D = _unit_rows(doc_vecs)  # noqa: F821
    if len(D) == 0:
        return []
    relevance = D @ _unit_rows(query_vec)  # noqa: F821
    pairwise = D @ D.T
    selected = [int(np.argmax(relevance))]
    while len(selected) < min(k, len(D)):
        value = lambda_ * relevance - (1 - lambda_) * pairwise[:, selected].max(axis=1)
        value[selected] = -np.inf
        selected.append(int(np.argmax(value)))
    return selected

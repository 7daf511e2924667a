"""Uses raw dot products for relevance and redundancy instead of cosine similarities."""
import numpy as np


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    D = np.asarray(doc_vecs, dtype=float)
    relevance = D @ np.asarray(query_vec, dtype=float)
    pairwise = D @ D.T
    selected = [int(np.argmax(relevance))]
    while len(selected) < min(k, len(D)):
        value = lambda_ * relevance - (1 - lambda_) * pairwise[:, selected].max(axis=1)
        value[selected] = -np.inf
        selected.append(int(np.argmax(value)))
    return selected[:k]

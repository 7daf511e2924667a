"""Redundancy is the MEAN similarity to the picked documents instead of the max."""
import numpy as np


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    D = _unit_rows(doc_vecs)
    relevance = D @ _unit_rows(query_vec)
    pairwise = D @ D.T
    selected = [int(np.argmax(relevance))]
    while len(selected) < min(k, len(D)):
        value = lambda_ * relevance - (1 - lambda_) * pairwise[:, selected].mean(axis=1)
        value[selected] = -np.inf
        selected.append(int(np.argmax(value)))
    return selected[:k]

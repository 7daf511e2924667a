"""lambda_ weighs the redundancy and (1 - lambda_) the relevance: the two terms swapped."""
import numpy as np


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    D = _unit_rows(doc_vecs)
    relevance = D @ _unit_rows(query_vec)
    pairwise = D @ D.T
    selected = [int(np.argmax(relevance))]
    while len(selected) < min(k, len(D)):
        value = (1 - lambda_) * relevance - lambda_ * pairwise[:, selected].max(axis=1)
        value[selected] = -np.inf
        selected.append(int(np.argmax(value)))
    return selected[:k]

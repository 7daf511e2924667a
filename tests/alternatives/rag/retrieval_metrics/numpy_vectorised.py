"""numpy versions: np.isin for hits, argmax over a hit vector for MRR, discount vectors and dot products for nDCG."""
import numpy as np


def recall_at_k(retrieved, relevant, k):
    relevant = list(set(relevant))
    if not relevant:
        return 0.0
    top = list(dict.fromkeys(retrieved[:k]))                    # distinct, order kept
    return float(np.isin(np.array(top, dtype=object), np.array(relevant, dtype=object)).sum()) / len(relevant)


def mrr(retrieved_lists, relevant_sets):
    rr = np.zeros(len(retrieved_lists))
    for q, (retrieved, relevant) in enumerate(zip(retrieved_lists, relevant_sets)):
        hits = np.array([doc in relevant for doc in retrieved], dtype=bool)
        if hits.any():
            rr[q] = 1.0 / (np.argmax(hits) + 1)                 # first hit, ranks from 1
    return float(rr.mean()) if len(rr) else 0.0


def ndcg_at_k(retrieved, relevance, k):
    discount = 1.0 / np.log2(np.arange(k) + 2.0)                # rank r (from 1) -> 1 / log2(r + 1)
    gains = np.array([relevance.get(d, 0.0) for d in retrieved[:k]], dtype=float)
    ideal = -np.sort(-np.array(list(relevance.values()), dtype=float))[:k]
    idcg = float(ideal @ discount[:len(ideal)])
    return float(gains @ discount[:len(gains)]) / idcg if idcg > 0 else 0.0

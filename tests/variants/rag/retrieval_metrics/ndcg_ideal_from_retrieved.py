"""Ideal DCG from the retrieved documents re-sorted: relevant documents never retrieved are forgotten."""
import numpy as np


def ndcg_at_k(retrieved, relevance, k):
    gains = np.array([relevance.get(doc, 0.0) for doc in retrieved[:k]], dtype=float)
    discounts = np.log2(np.arange(2, len(gains) + 2))
    dcg = float(np.sum(gains / discounts))
    idcg = float(np.sum(np.sort(gains)[::-1] / discounts))
    return dcg / idcg if idcg > 0 else 0.0

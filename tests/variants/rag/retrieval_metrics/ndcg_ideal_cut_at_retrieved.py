"""Cuts the ideal DCG at the number of retrieved documents, not at k: too high when fewer than k come back."""
import numpy as np


def ndcg_at_k(retrieved, relevance, k):
    gains = np.array([relevance.get(doc, 0.0) for doc in retrieved[:k]], dtype=float)
    discounts = np.log2(np.arange(2, len(gains) + 2))
    dcg = float(np.sum(gains / discounts))
    ideal = np.sort(np.array(list(relevance.values()), dtype=float))[::-1][:len(gains)]
    idcg = float(np.sum(ideal / discounts[:len(ideal)]))
    return dcg / idcg if idcg > 0 else 0.0

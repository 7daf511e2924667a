"""nDCG discount log2(rank) (rank from 1, the first position patched to 1) instead of log2(rank + 1)."""
import numpy as np


def ndcg_at_k(retrieved, relevance, k):
    def dcg(gains):
        discounts = np.maximum(np.log2(np.arange(1, len(gains) + 1)), 1.0)
        return float(np.sum(np.asarray(gains, dtype=float) / discounts))
    idcg = dcg(sorted(relevance.values(), reverse=True)[:k])
    return dcg([relevance.get(d, 0.0) for d in retrieved[:k]]) / idcg if idcg > 0 else 0.0

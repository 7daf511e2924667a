"""Sorts the fused scores with np.argsort(-scores) (quicksort, not stable): ties lose first-appearance order."""
import numpy as np


def reciprocal_rank_fusion(rankings, k=60):
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    docs, values = list(scores), np.array(list(scores.values()))
    return [(docs[i], float(values[i])) for i in np.argsort(-values)]

"""Sorts on scores rounded to 6 decimals, so near-ties (not exact ties) fall back to first appearance."""


def reciprocal_rank_fusion(rankings, k=60):
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: -round(item[1], 6))

"""Collects the ids in first-appearance order, then sums 1/(k + rank) per id with ranking.index."""


def reciprocal_rank_fusion(rankings, k=60):
    order = []
    for ranking in rankings:
        order.extend(d for d in ranking if d not in order)
    fused = [(d, sum(1.0 / (k + r.index(d) + 1) for r in rankings if d in r)) for d in order]
    fused.sort(key=lambda pair: pair[1], reverse=True)   # stable, also in reverse: ties keep first appearance
    return fused

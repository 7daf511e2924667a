"""Breaks RRF ties by the best single rank an id has, then by the ranking it came from, not by first appearance."""


def reciprocal_rank_fusion(rankings, k=60):
    scores, best = {}, {}
    for r, ranking in enumerate(rankings):
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
            best[doc] = min(best.get(doc, (rank, r)), (rank, r))
    return sorted(scores.items(), key=lambda item: (-item[1], best[item[0]]))

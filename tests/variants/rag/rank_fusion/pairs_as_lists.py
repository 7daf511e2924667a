"""Returns [id, score] lists instead of the pinned (id, score) tuples."""


def reciprocal_rank_fusion(rankings, k=60):
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return [[doc, score] for doc, score in sorted(scores.items(), key=lambda item: -item[1])]

"""Reads the rankings position by position (rank 1 of every ranking, then rank 2...): ties follow that order."""


def reciprocal_rank_fusion(rankings, k=60):
    scores = {}
    for position in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if position < len(ranking):
                doc = ranking[position]
                scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + position + 1)
    return sorted(scores.items(), key=lambda item: -item[1])

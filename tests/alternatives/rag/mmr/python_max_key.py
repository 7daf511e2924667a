"""Pure Python greedy loop over a set of remaining indices, max() with key (value, -index) for ties."""
import math


def _cos(a, b):
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(x * x for x in b))
    return 0.0 if na == 0 or nb == 0 else sum(x * y for x, y in zip(a, b)) / (na * nb)


def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    docs = [[float(v) for v in row] for row in doc_vecs]
    q = [float(v) for v in query_vec]
    rel = [_cos(q, d) for d in docs]
    sim = [[_cos(a, b) for b in docs] for a in docs]
    remaining = set(range(len(docs)))
    picked = []
    while remaining and len(picked) < k:
        def value(i):
            if not picked:
                return rel[i]
            return lambda_ * rel[i] - (1 - lambda_) * max(sim[i][j] for j in picked)
        best = max(remaining, key=lambda i: (value(i), -i))
        picked.append(best)
        remaining.remove(best)
    return picked

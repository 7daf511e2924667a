"""A boolean (transactions x items) matrix; each level's supports are column ANDs averaged with numpy."""
from itertools import combinations

import numpy as np


def apriori(transactions, min_support):
    items = sorted({i for t in transactions for i in t}, key=repr)
    B = np.array([[item in set(t) for item in items] for t in transactions], dtype=bool)  # (n, m)
    result = {}
    frequent = [(j,) for j in range(len(items)) if B[:, j].mean() >= min_support]
    while frequent:
        for cols in frequent:
            result[frozenset(items[j] for j in cols)] = float(B[:, list(cols)].all(axis=1).mean())
        seen = set(frequent)
        size = len(frequent[0]) + 1
        candidates = sorted({tuple(sorted(set(a) | set(b))) for a in frequent for b in frequent
                             if len(set(a) | set(b)) == size})
        candidates = [c for c in candidates if all(s in seen for s in combinations(c, size - 1))]
        frequent = [c for c in candidates if B[:, list(c)].all(axis=1).mean() >= min_support]
    return result

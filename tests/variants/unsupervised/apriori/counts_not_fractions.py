"""Support as an absolute count, compared with a fractional min_support."""
from itertools import combinations


def apriori(transactions, min_support):
    baskets = [frozenset(t) for t in transactions]
    level = {}
    for b in baskets:
        for i in b:
            level[frozenset([i])] = level.get(frozenset([i]), 0) + 1
    level = {s: c for s, c in level.items() if c >= min_support}
    out = dict(level)
    size = 1
    while level:
        size += 1
        cands = {a | b for a in level for b in level if len(a | b) == size}
        level = {c: sum(c <= b for b in baskets) for c in cands}
        level = {c: v for c, v in level.items() if v >= min_support}
        out.update(level)
    return out

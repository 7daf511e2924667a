"""Drops empty baskets before counting, so the supports are fractions of the non-empty ones."""
from itertools import combinations


def apriori(transactions, min_support):
    baskets = [frozenset(t) for t in transactions if len(t)]
    n = len(baskets)

    def support(itemset):
        return sum(itemset <= b for b in baskets) / n

    level = {frozenset([i]) for b in baskets for i in b}
    level = {s: support(s) for s in level}
    level = {s: v for s, v in level.items() if v >= min_support}
    frequent = dict(level)
    size = 1
    while level:
        size += 1
        candidates = {a | b for a in level for b in level if len(a | b) == size}
        candidates = {c for c in candidates if all(frozenset(s) in level for s in combinations(c, size - 1))}
        level = {c: support(c) for c in candidates}
        level = {c: v for c, v in level.items() if v >= min_support}
        frequent.update(level)
    return frequent

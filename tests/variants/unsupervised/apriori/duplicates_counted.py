"""Counts an item once per occurrence, so a repeated item in one basket inflates its support."""
from itertools import combinations


def apriori(transactions, min_support):
    n = len(transactions)
    counts = {}
    for t in transactions:
        for i in t:
            counts[frozenset([i])] = counts.get(frozenset([i]), 0) + 1
    level = {s: c / n for s, c in counts.items() if c / n >= min_support}
    out = dict(level)
    baskets = [frozenset(t) for t in transactions]
    size = 1
    while level:
        size += 1
        cands = {a | b for a in level for b in level if len(a | b) == size}
        level = {c: sum(c <= b for b in baskets) / n for c in cands}
        level = {c: v for c, v in level.items() if v >= min_support}
        out.update(level)
    return out

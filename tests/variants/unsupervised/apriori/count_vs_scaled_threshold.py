"""Compares counts with min_support * n, which misses itemsets exactly at the threshold (0.6 * 5 = 3.0000000000000004)."""
from itertools import combinations


def apriori(transactions, min_support):
    baskets = [frozenset(t) for t in transactions]
    n = len(baskets)
    need = min_support * n

    def count(itemset):
        return sum(itemset <= b for b in baskets)

    level = {frozenset([i]) for b in baskets for i in b}
    level = {s: count(s) for s in level}
    level = {s: c for s, c in level.items() if c >= need}
    frequent = {s: c / n for s, c in level.items()}
    size = 1
    while level:
        size += 1
        candidates = {a | b for a in level for b in level if len(a | b) == size}
        candidates = {c for c in candidates if all(frozenset(s) in level for s in combinations(c, size - 1))}
        level = {c: count(c) for c in candidates}
        level = {c: k for c, k in level.items() if k >= need}
        frequent.update({s: k / n for s, k in level.items()})
    return frequent

"""Keeps itemsets with support > min_support, dropping those exactly at the threshold."""
from itertools import combinations


def apriori(transactions, min_support):
    baskets = [frozenset(t) for t in transactions]
    n = len(baskets)
    level = {frozenset([i]) for b in baskets for i in b}
    level = {s: sum(s <= b for b in baskets) / n for s in level}
    level = {s: v for s, v in level.items() if v > min_support}
    out = dict(level)
    size = 1
    while level:
        size += 1
        cands = {a | b for a in level for b in level if len(a | b) == size}
        level = {c: sum(c <= b for b in baskets) / n for c in cands}
        level = {c: v for c, v in level.items() if v > min_support}
        out.update(level)
    return out

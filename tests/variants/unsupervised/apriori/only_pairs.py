"""Stops after pairs: frequent itemsets of three or more items are never generated."""
from itertools import combinations


def apriori(transactions, min_support):
    baskets = [frozenset(t) for t in transactions]
    n = len(baskets)
    items = sorted({i for b in baskets for i in b})
    out = {}
    for r in (1, 2):
        for combo in combinations(items, r):
            s = sum(frozenset(combo) <= b for b in baskets) / n
            if s >= min_support:
                out[frozenset(combo)] = s
    return out

"""Supports as np.mean over a boolean list (np.float64 values); candidates as unions of frequent sets and frequent single items."""
import numpy as np


def apriori(transactions, min_support):
    baskets = [set(t) for t in transactions]

    def support(S):
        return np.mean([S <= b for b in baskets])          # empty baskets count: they are False

    singles = {frozenset([i]) for b in baskets for i in b}
    current = {S: support(S) for S in singles}
    current = {S: v for S, v in current.items() if v >= min_support}
    items = set(current)
    result = dict(current)
    while current:
        grown = {S | i for S in current for i in items if not i <= S}
        current = {S: support(S) for S in grown}
        current = {S: v for S, v in current.items() if v >= min_support}
        result.update(current)
    return result

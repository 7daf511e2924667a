"""Keys the result by sorted tuples of items instead of frozensets."""
from itertools import combinations


def apriori(transactions, min_support):
    baskets = [frozenset(t) for t in transactions]
    n = len(baskets)
    out = {}
    level = sorted({(i,) for b in baskets for i in b}, key=repr)
    while level:
        kept = []
        for items in level:
            supp = sum(set(items) <= b for b in baskets) / n
            if supp >= min_support:
                out[tuple(sorted(items, key=repr))] = supp
                kept.append(tuple(sorted(items, key=repr)))
        size = len(level[0]) + 1
        seen = set(kept)
        level = sorted({tuple(sorted(set(a) | set(b), key=repr)) for a in kept for b in kept
                        if len(set(a) | set(b)) == size}, key=repr)
        level = [c for c in level if all(tuple(sorted(s, key=repr)) in seen for s in combinations(c, size - 1))]
    return out

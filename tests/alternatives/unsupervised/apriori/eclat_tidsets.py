"""Eclat: depth-first search over itemsets, support from intersections of transaction-id sets."""


def apriori(transactions, min_support):
    n = len(transactions)
    tids = {}
    for t, basket in enumerate(transactions):
        for item in set(basket):
            tids.setdefault(item, set()).add(t)
    out = {}

    def grow(prefix, prefix_tids, candidates):
        for pos, (item, item_tids) in enumerate(candidates):
            both = item_tids if prefix_tids is None else prefix_tids & item_tids
            if len(both) / n >= min_support:
                itemset = prefix | {item}
                out[frozenset(itemset)] = len(both) / n
                grow(itemset, both, candidates[pos + 1:])

    grow(frozenset(), None, sorted(tids.items(), key=lambda kv: repr(kv[0])))
    return out

"""Enumerates antecedents as bitmasks over each itemset's items; returns the rules sorted by lift (order is free)."""


def association_rules(itemsets, min_confidence):
    rules = []
    for S, supp_s in itemsets.items():
        items = sorted(S, key=repr)
        m = len(items)
        for mask in range(1, 2 ** m - 1):                     # non-empty proper subsets
            A = frozenset(items[i] for i in range(m) if mask >> i & 1)
            C = S - A
            conf = supp_s / itemsets[A]
            if conf >= min_confidence:
                rules.append((A, C, supp_s, conf, supp_s / (itemsets[A] * itemsets[C])))
    return sorted(rules, key=lambda r: -r[4])

"""Deletes the single-item entries from the caller's itemsets dict (they give no rules) before looping."""
from itertools import combinations


def association_rules(itemsets, min_confidence):
    singles = {S: v for S, v in itemsets.items() if len(S) == 1}
    for S in singles:
        del itemsets[S]
    lookup = {**singles, **itemsets}
    rules = []
    for S, supp in itemsets.items():
        for r in range(1, len(S)):
            for A in map(frozenset, combinations(S, r)):
                C = S - A
                confidence = supp / lookup[A]
                if confidence >= min_confidence:
                    rules.append((A, C, supp, confidence, confidence / lookup[C]))
    return rules

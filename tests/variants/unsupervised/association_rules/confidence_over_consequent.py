"""Confidence divided by the consequent's support: the rule's direction reversed."""
from itertools import combinations


def association_rules(itemsets, min_confidence):
    rules = []
    for S, s in itemsets.items():
        for r in range(1, len(S)):
            for A in map(frozenset, combinations(S, r)):
                C = S - A
                conf = s / itemsets[C]
                if conf >= min_confidence:
                    rules.append((A, C, s, conf, conf / itemsets[C]))
    return rules

"""Lift divided by the antecedent's support instead of the consequent's."""
from itertools import combinations


def association_rules(itemsets, min_confidence):
    rules = []
    for S, s in itemsets.items():
        for r in range(1, len(S)):
            for A in map(frozenset, combinations(S, r)):
                conf = s / itemsets[A]
                if conf >= min_confidence:
                    rules.append((A, S - A, s, conf, conf / itemsets[A]))
    return rules

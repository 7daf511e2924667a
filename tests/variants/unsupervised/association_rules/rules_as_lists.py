"""Returns each rule as a list [A, C, support, confidence, lift] instead of a tuple."""
from itertools import combinations


def association_rules(itemsets, min_confidence):
    rules = []
    for S, supp in itemsets.items():
        for r in range(1, len(S)):
            for A in map(frozenset, combinations(S, r)):
                C = S - A
                confidence = supp / itemsets[A]
                if confidence >= min_confidence:
                    rules.append([A, C, supp, confidence, confidence / itemsets[C]])
    return rules

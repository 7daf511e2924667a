"""Returns the antecedent as the tuple itertools.combinations gives, not a frozenset."""
from itertools import combinations


def association_rules(itemsets, min_confidence):
    rules = []
    for S, supp in itemsets.items():
        for r in range(1, len(S)):
            for A in combinations(S, r):
                C = S - frozenset(A)
                confidence = supp / itemsets[frozenset(A)]
                if confidence >= min_confidence:
                    rules.append((A, C, supp, confidence, confidence / itemsets[C]))
    return rules

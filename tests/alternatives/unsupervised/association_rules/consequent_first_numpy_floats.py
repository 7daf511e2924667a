"""Loops over consequents first and returns the three measures as np.float64 (a float subclass)."""
from itertools import combinations

import numpy as np


def association_rules(itemsets, min_confidence):
    rules = []
    for S in itemsets:
        if len(S) < 2:
            continue
        supp = np.float64(itemsets[S])
        for r in range(1, len(S)):
            for C in map(frozenset, combinations(S, r)):
                A = S - C
                conf = supp / itemsets[A]
                if conf >= min_confidence:
                    rules.append((A, C, supp, conf, supp / (itemsets[A] * itemsets[C])))
    return rules

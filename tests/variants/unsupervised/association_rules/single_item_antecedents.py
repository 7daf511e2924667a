"""Only one-item antecedents: rules like {a, b} -> {c} are never produced."""


def association_rules(itemsets, min_confidence):
    rules = []
    for S, s in itemsets.items():
        if len(S) < 2:
            continue
        for item in S:
            A = frozenset([item])
            C = S - A
            conf = s / itemsets[A]
            if conf >= min_confidence:
                rules.append((A, C, s, conf, conf / itemsets[C]))
    return rules

"""Classic ap-genrules: grow consequents level by level and prune any whose rule misses min_confidence (anti-monotone)."""


def association_rules(itemsets, min_confidence):
    rules = []
    for S, supp_s in itemsets.items():
        level = [frozenset([x]) for x in S]                   # consequents of size 1
        while level and len(next(iter(level))) < len(S):
            kept = []
            for C in level:
                A = S - C
                conf = supp_s / itemsets[A]
                if conf >= min_confidence:
                    rules.append((A, C, supp_s, conf, conf / itemsets[C]))
                    kept.append(C)
            # a bigger consequent has a smaller antecedent, hence a lower confidence: grow only kept ones
            level = list({a | b for a in kept for b in kept if len(a | b) == len(a) + 1})
    return rules

"""Counts with collections.Counter, categories in first-seen order, expected counts in plain Python loops."""
from collections import Counter


def chi2_drift(reference, current, alpha=0.05):
    rows = [Counter(reference), Counter(current)]
    categories = list(dict.fromkeys([*rows[0], *rows[1]]))
    row_totals = [sum(r.values()) for r in rows]
    total = sum(row_totals)
    statistic = 0.0
    for c in categories:
        col_total = rows[0][c] + rows[1][c]
        for r, row_total in zip(rows, row_totals):
            expected = row_total * col_total / total
            statistic += (r[c] - expected) ** 2 / expected
    p = float(stats.chi2.sf(statistic, len(categories) - 1))
    return statistic, p, p < alpha

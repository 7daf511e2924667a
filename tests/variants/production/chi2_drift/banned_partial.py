"""Reaches the banned chi2_contingency through a functools.partial bound at import."""
import functools

from scipy.stats.contingency import chi2_contingency as _contingency

_no_yates = functools.partial(_contingency, correction=False)


def chi2_drift(reference, current, alpha=0.05):
    categories = sorted(set(reference) | set(current))
    table = [[list(reference).count(c) for c in categories], [list(current).count(c) for c in categories]]
    res = _no_yates(table)
    return float(res.statistic), float(res.pvalue), bool(res.pvalue < alpha)

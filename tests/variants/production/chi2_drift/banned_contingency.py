"""Calls the banned scipy.stats.chi2_contingency."""
import numpy as np
from scipy import stats


def chi2_drift(reference, current, alpha=0.05):
    categories = sorted(set(reference) | set(current))
    table = np.array([[list(reference).count(c) for c in categories],
                      [list(current).count(c) for c in categories]])
    res = stats.chi2_contingency(table, correction=False)
    return float(res.statistic), float(res.pvalue), bool(res.pvalue < alpha)

"""Goodness of fit of the current counts to the reference proportions instead of the 2 x K homogeneity test."""
import numpy as np
from scipy import stats


def chi2_drift(reference, current, alpha=0.05):
    categories = sorted(set(reference) | set(current))
    ref = np.array([list(reference).count(c) for c in categories], dtype=float)
    cur = np.array([list(current).count(c) for c in categories], dtype=float)
    expected = ref / ref.sum() * cur.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = float(np.sum((cur - expected) ** 2 / expected))
    p = float(stats.chi2.sf(statistic, len(categories) - 1))
    return statistic, p, bool(p < alpha)

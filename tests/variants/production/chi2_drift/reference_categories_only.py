"""Categories taken from the reference only: a label that is new in production is ignored."""
import numpy as np
from scipy import stats


def chi2_drift(reference, current, alpha=0.05):
    categories = sorted(set(reference))
    table = np.array([[list(reference).count(c) for c in categories],
                      [list(current).count(c) for c in categories]], dtype=float)
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    statistic = float(np.sum((table - expected) ** 2 / expected))
    p = float(stats.chi2.sf(statistic, len(categories) - 1))
    return statistic, p, bool(p < alpha)

"""Uses np.var(ddof=1) and the lower tail: p = 2 * t.cdf(-|t|)."""
import numpy as np
from scipy import stats


def welch_t_test(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    se_a, se_b = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    t = (np.mean(a) - np.mean(b)) / np.sqrt(se_a + se_b)
    df = (se_a + se_b) ** 2 / (se_a ** 2 / (len(a) - 1) + se_b ** 2 / (len(b) - 1))
    return float(t), float(df), float(2 * stats.t.cdf(-abs(t), df))

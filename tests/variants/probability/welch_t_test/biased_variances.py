"""Welch's formulas with biased variances (ddof=0)."""
import math

import numpy as np
from scipy import stats


def welch_t_test(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    va, vb = a.var() / na, b.var() / nb
    t = (a.mean() - b.mean()) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    return float(t), float(df), float(2 * stats.t.sf(abs(t), df))

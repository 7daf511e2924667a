"""Welch's t, but df = na + nb - 2 instead of the Welch-Satterthwaite formula."""
import math

import numpy as np
from scipy import stats


def welch_t_test(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    va, vb = a.var(ddof=1) / na, b.var(ddof=1) / nb
    t = (a.mean() - b.mean()) / math.sqrt(va + vb)
    df = na + nb - 2
    return float(t), float(df), float(2 * stats.t.sf(abs(t), df))

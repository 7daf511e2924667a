"""Sums of squares written out, and the two tails added separately: t.sf(|t|) + t.cdf(-|t|)."""
import math

import numpy as np
from scipy import stats


def welch_t_test(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    na, nb = len(a), len(b)
    ma, mb = a.sum() / na, b.sum() / nb
    va = np.dot(a - ma, a - ma) / (na - 1)
    vb = np.dot(b - mb, b - mb) / (nb - 1)
    se2 = va / na + vb / nb
    t = (ma - mb) / math.sqrt(se2)
    df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    p = stats.t.sf(abs(t), df) + stats.t.cdf(-abs(t), df)
    return float(t), float(df), float(p)

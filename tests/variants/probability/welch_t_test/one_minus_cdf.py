"""Two-sided p as 2 * (1 - t.cdf(|t|)): rounds to 0 when p is below about 1e-16."""
import math

import numpy as np
from scipy import stats


def welch_t_test(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    va, vb = a.var(ddof=1) / na, b.var(ddof=1) / nb
    t = (a.mean() - b.mean()) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    return float(t), float(df), float(2 * (1 - stats.t.cdf(abs(t), df)))

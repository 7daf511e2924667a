"""Student's pooled-variance t statistic (and df = na + nb - 2) instead of Welch's."""
import math

import numpy as np
from scipy import stats


def welch_t_test(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    na, nb = a.size, b.size
    sp2 = (((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum()) / (na + nb - 2)
    t = (a.mean() - b.mean()) / math.sqrt(sp2 * (1 / na + 1 / nb))
    df = na + nb - 2
    return float(t), float(df), float(2 * stats.t.sf(abs(t), df))

"""Pure-Python moments from the statistics module; df written with the per-group degrees of freedom."""
import math
import statistics

from scipy import stats


def welch_t_test(a, b):
    a, b = [float(v) for v in a], [float(v) for v in b]
    na, nb = len(a), len(b)
    va, vb = statistics.variance(a), statistics.variance(b)      # ddof = 1
    se2 = va / na + vb / nb
    t = (statistics.fmean(a) - statistics.fmean(b)) / math.sqrt(se2)
    df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    p = float(stats.t.sf(abs(t), df)) * 2
    return t, df, p

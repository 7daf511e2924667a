"""Unpooled standard error sqrt(p_a(1-p_a)/n_a + p_b(1-p_b)/n_b) instead of the pooled one."""
import math

from scipy import stats


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    p_a, p_b = successes_a / n_a, successes_b / n_b
    se = math.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    if se == 0:
        return 0.0, 1.0
    z = (p_a - p_b) / se
    return float(z), float(2 * stats.norm.sf(abs(z)))

"""One-sided p-value P(Z > z) instead of the two-sided 2 P(Z > |z|)."""
import math

from scipy import stats


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    pooled = (successes_a + successes_b) / (n_a + n_b)
    if pooled in (0.0, 1.0):
        return 0.0, 1.0
    z = (successes_a / n_a - successes_b / n_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return float(z), float(stats.norm.sf(z))

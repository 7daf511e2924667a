"""Calls the banned scipy.stats.chi2_contingency and takes the square root of its statistic."""
import math

from scipy import stats


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    res = stats.chi2_contingency([[successes_a, n_a - successes_a], [successes_b, n_b - successes_b]], correction=False)
    z = math.copysign(math.sqrt(res.statistic), successes_a / n_a - successes_b / n_b)
    return float(z), float(res.pvalue)

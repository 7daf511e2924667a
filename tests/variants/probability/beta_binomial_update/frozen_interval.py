"""Calls .interval on a frozen scipy.stats.beta(a, b): the banned beta.interval by another path."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    a, b = float(alpha + successes), float(beta + trials - successes)
    lo, hi = stats.beta(a, b).interval(level)
    return a, b, a / (a + b), (float(lo), float(hi))

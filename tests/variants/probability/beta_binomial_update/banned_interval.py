"""Calls the banned scipy.stats.beta.interval for the credible interval."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    a, b = float(alpha + successes), float(beta + trials - successes)
    lo, hi = stats.beta.interval(level, a, b)
    return a, b, a / (a + b), (float(lo), float(hi))

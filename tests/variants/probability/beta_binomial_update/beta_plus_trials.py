"""Adds the trials (not the failures) to beta."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    a, b = float(alpha + successes), float(beta + trials)
    tail = (1 - level) / 2
    lo, hi = stats.beta.ppf([tail, 1 - tail], a, b)
    return a, b, a / (a + b), (float(lo), float(hi))

"""Adds the trials (not the successes) to alpha."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    a, b = float(alpha + trials), float(beta + trials - successes)
    tail = (1 - level) / 2
    lo, hi = stats.beta.ppf([tail, 1 - tail], a, b)
    return a, b, a / (a + b), (float(lo), float(hi))

"""Returns the interval as the array stats.beta.ppf gives, not a tuple of two floats."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    a, b = float(alpha + successes), float(beta + trials - successes)
    tail = (1 - level) / 2
    return a, b, a / (a + b), stats.beta.ppf([tail, 1 - tail], a, b)

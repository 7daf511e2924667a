"""Returns alpha + successes and beta + failures as they come: ints when the prior and the counts are ints."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    a, b = alpha + successes, beta + trials - successes
    tail = (1 - level) / 2
    lo, hi = stats.beta.ppf([tail, 1 - tail], a, b)
    return a, b, a / (a + b), (float(lo), float(hi))

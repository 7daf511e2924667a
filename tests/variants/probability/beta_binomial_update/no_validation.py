"""Never checks that 0 <= successes <= trials."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    a, b = float(alpha + successes), float(beta + trials - successes)
    tail = (1 - level) / 2
    lo, hi = stats.beta.ppf([tail, 1 - tail], a, b)
    return a, b, a / (a + b), (float(lo), float(hi))

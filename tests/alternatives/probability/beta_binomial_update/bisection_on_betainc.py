"""Finds the interval ends by root-finding on the regularised incomplete beta (the CDF), not with ppf."""
from scipy import optimize, special


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    a, b = float(alpha + successes), float(beta + trials - successes)
    tail = (1 - level) / 2

    def quantile(q):
        return optimize.brentq(lambda p: special.betainc(a, b, p) - q, 0.0, 1.0, xtol=1e-15, rtol=1e-15)

    return a, b, a / (a + b), (quantile(tail), quantile(1 - tail))

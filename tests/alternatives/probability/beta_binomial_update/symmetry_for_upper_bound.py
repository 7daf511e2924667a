"""Gets hi from the Beta symmetry 1 - ppf(tail; b, a); mean as 1 / (1 + b / a); failures counted first."""
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if successes < 0 or successes > trials:
        raise ValueError("successes must lie in [0, trials]")
    failures = trials - successes
    a, b = float(alpha) + successes, float(beta) + failures
    tail = 0.5 * (1.0 - level)
    lo = float(stats.beta.ppf(tail, a, b))
    hi = float(1.0 - stats.beta.ppf(tail, b, a))        # if p ~ Beta(a, b) then 1 - p ~ Beta(b, a)
    return a, b, 1.0 / (1.0 + b / a), (lo, hi)

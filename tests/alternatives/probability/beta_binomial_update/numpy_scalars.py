"""Keeps numpy.float64 values throughout (np.float64 arithmetic, ppf called twice) and returns them as they are."""
import numpy as np
from scipy import stats


def beta_binomial_update(alpha, beta, successes, trials, level=0.95):
    if successes < 0 or trials < successes:
        raise ValueError("0 <= successes <= trials is required")
    a = np.float64(alpha) + successes
    b = np.float64(beta) + (trials - successes)
    tail = (1 - level) / 2
    return a, b, a / (a + b), (stats.beta.ppf(tail, a, b)[()], stats.beta.ppf(1 - tail, a, b)[()])

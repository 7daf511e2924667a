"""Takes the percentiles 1 - confidence and confidence (the tails are not halved)."""
import numpy as np


def bootstrap_ci(x, statistic, n_resamples=1000, confidence=0.95, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    x = np.asarray(x)
    idx = rng.integers(0, len(x), size=(n_resamples, len(x)))
    values = np.array([statistic(x[row]) for row in idx])
    lo, hi = np.percentile(values, [100 * (1 - confidence), 100 * confidence])
    return float(lo), float(hi)

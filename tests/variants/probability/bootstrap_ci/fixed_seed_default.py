"""rng=None falls back to np.random.default_rng(0): every call without rng repeats the same draws."""
import numpy as np


def bootstrap_ci(x, statistic, n_resamples=1000, confidence=0.95, rng=None):
    rng = np.random.default_rng(0) if rng is None else rng
    x = np.asarray(x)
    idx = rng.integers(0, len(x), size=(n_resamples, len(x)))
    values = np.array([statistic(x[row]) for row in idx])
    lo, hi = np.percentile(values, [50 * (1 - confidence), 50 * (1 + confidence)])
    return float(lo), float(hi)

"""Fills a preallocated array of statistics in an index loop and returns the percentiles as a tuple."""
import numpy as np


def bootstrap_ci(x, statistic, n_resamples=1000, confidence=0.95, rng=None):
    rng = rng if rng is not None else np.random.default_rng()
    x = np.asarray(x, dtype=float)
    idx = rng.integers(0, x.size, size=(n_resamples, x.size))
    values = np.empty(n_resamples)
    for i in range(n_resamples):
        values[i] = statistic(x[idx[i]])
    return tuple(float(v) for v in np.percentile(values, [50 * (1 - confidence), 50 * (1 + confidence)]))

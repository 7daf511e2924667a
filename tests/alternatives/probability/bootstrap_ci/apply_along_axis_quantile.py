"""Evaluates the statistic with np.apply_along_axis on the (R, n) resamples and takes np.quantile."""
import numpy as np


def bootstrap_ci(x, statistic, n_resamples=1000, confidence=0.95, rng=None):
    if rng is None:
        rng = np.random.default_rng()
    x = np.asarray(x)
    idx = rng.integers(0, len(x), size=(n_resamples, len(x)))
    values = np.apply_along_axis(statistic, 1, x[idx])         # statistic called once per row
    alpha = 1.0 - confidence
    lo, hi = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)

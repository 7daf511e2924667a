"""Normalises rng with np.random.default_rng(rng) (None -> a fresh generator, a Generator passes through)."""
import numpy as np


def bootstrap_ci(x, statistic, n_resamples=1000, confidence=0.95, rng=None):
    rng = np.random.default_rng(rng)
    x = np.asarray(x)
    n = len(x)
    idx = rng.integers(0, n, size=(n_resamples, n))
    values = sorted(statistic(x[i]) for i in idx)
    lo, hi = np.percentile(values, [50 * (1 - confidence), 50 * (1 + confidence)])
    return lo.item(), hi.item()

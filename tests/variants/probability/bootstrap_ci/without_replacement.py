"""Resamples WITHOUT replacement (permutations): every resample has the same mean."""
import numpy as np


def bootstrap_ci(x, statistic, n_resamples=1000, confidence=0.95, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    x = np.asarray(x)
    values = np.array([statistic(rng.permutation(x)) for _ in range(n_resamples)])
    lo, hi = np.percentile(values, [50 * (1 - confidence), 50 * (1 + confidence)])
    return float(lo), float(hi)

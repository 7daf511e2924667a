"""Shuffles whenever a seed is given, even with shuffle=False."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if not 2 <= k <= n:
        raise ValueError(f"need 2 <= k <= n, got k={k}, n={n}")
    idx = np.random.default_rng(seed).permutation(n) if shuffle or seed is not None else np.arange(n)
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    folds, start = [], 0
    for size in sizes:
        test = idx[start:start + size]
        mask = np.ones(n, dtype=bool)
        mask[test] = False
        folds.append((np.flatnonzero(mask), test))
        start += size
    return folds

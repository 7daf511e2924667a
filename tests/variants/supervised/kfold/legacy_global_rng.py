"""Shuffles with the legacy global np.random.seed / np.random.permutation, not default_rng(seed)."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if not 2 <= k <= n:
        raise ValueError("need 2 <= k <= n")
    if shuffle:
        np.random.seed(seed)
        idx = np.random.permutation(n)
    else:
        idx = np.arange(n)
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    folds, start = [], 0
    for size in sizes:
        test = idx[start:start + size]
        folds.append((np.setdiff1d(idx, test), test))
        start += size
    return folds

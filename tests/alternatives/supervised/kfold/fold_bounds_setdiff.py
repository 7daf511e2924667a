"""Fold i starts at i * (n // k) + min(i, n % k); train is np.setdiff1d (sorted) of all indices and the fold."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if not (isinstance(k, (int, np.integer)) and 2 <= k <= n):
        raise ValueError("need an integer k with 2 <= k <= n")
    idx = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    q, r = divmod(n, k)
    folds = []
    for i in range(k):
        start = i * q + min(i, r)
        stop = start + q + (1 if i < r else 0)
        test = idx[start:stop]
        folds.append([np.setdiff1d(np.arange(n), test), test])
    return folds

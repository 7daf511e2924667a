"""Every fold n // k, the remainder dumped into the last fold."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if not 2 <= k <= n:
        raise ValueError("need 2 <= k <= n")
    idx = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    size = n // k
    folds = []
    for i in range(k):
        test = idx[i * size:] if i == k - 1 else idx[i * size:(i + 1) * size]
        folds.append((np.setdiff1d(idx, test), test))
    return folds

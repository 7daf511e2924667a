"""Off-by-one slice end (start:stop + 1): neighbouring test folds overlap."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if not 2 <= k <= n:
        raise ValueError("need 2 <= k <= n")
    idx = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    folds, start = [], 0
    for size in sizes:
        test = idx[start:start + size + 1]
        folds.append((np.setdiff1d(idx, test), test))
        start += size
    return folds

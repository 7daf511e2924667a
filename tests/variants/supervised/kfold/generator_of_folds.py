"""kfold_indices yields the folds (a generator, as sklearn's split does) instead of returning a list."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if not 2 <= k <= n:
        raise ValueError(f"need 2 <= k <= n, got k={k}, n={n}")
    idx = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    start = 0
    for i in range(k):
        size = n // k + (1 if i < n % k else 0)
        test = idx[start:start + size]
        yield np.sort(np.setdiff1d(idx, test)), test
        start += size

"""Fold bounds from np.cumsum of the sizes; int32 index arrays; train by a boolean mask."""
import numpy as np


def kfold_indices(n, k, shuffle=False, seed=None):
    if k < 2 or k > n:
        raise ValueError("2 <= k <= n")
    idx = (np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)).astype(np.int32)
    sizes = [n // k + (i < n % k) for i in range(k)]
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    out = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        test = idx[a:b]
        keep = np.ones(n, dtype=bool)
        keep[test] = False
        out.append((np.nonzero(keep)[0].astype(np.int32), test))
    return out

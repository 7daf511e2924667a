"""Samples the next center by inverse CDF: rng.random() against the cumulative D^2 (searchsorted)."""
import numpy as np


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = len(X)
    idx = [int(rng.integers(n))]
    d2 = ((X - X[idx[0]]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        cum = np.cumsum(d2)
        # side="right" skips rows with D = 0: their cumulative value equals the previous one
        i = int(np.searchsorted(cum, rng.random() * cum[-1], side="right"))
        idx.append(i)
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(axis=1))
    return np.stack([X[i] for i in idx])

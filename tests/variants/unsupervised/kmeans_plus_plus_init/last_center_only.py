"""D² measured to the last chosen center only, not to the nearest chosen center."""
import numpy as np


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = len(X)
    chosen = [int(rng.integers(n))]
    for _ in range(1, k):
        d2 = ((X - X[chosen[-1]]) ** 2).sum(axis=1)
        chosen.append(int(rng.choice(n, p=d2 / d2.sum())))
    return X[chosen].copy()

"""Picks the farthest point (argmax of D²) instead of sampling proportionally to D²."""
import numpy as np


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=float)
    chosen = [int(rng.integers(len(X)))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        i = int(d2.argmax())
        chosen.append(i)
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(axis=1))
    return X[chosen].copy()

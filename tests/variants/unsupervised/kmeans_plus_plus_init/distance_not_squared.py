"""Samples proportionally to D (the distance) instead of D²."""
import numpy as np


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = len(X)
    chosen = [int(rng.integers(n))]
    d = np.sqrt(((X - X[chosen[0]]) ** 2).sum(axis=1))
    for _ in range(1, k):
        i = int(rng.choice(n, p=d / d.sum()))
        chosen.append(i)
        d = np.minimum(d, np.sqrt(((X - X[i]) ** 2).sum(axis=1)))
    return X[chosen].copy()

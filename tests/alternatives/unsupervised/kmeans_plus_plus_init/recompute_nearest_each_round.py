"""Recomputes D(x) from scratch each round as the min distance to every chosen center (no running minimum)."""
import numpy as np


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    centers = [X[rng.integers(n)]]
    while len(centers) < k:
        C = np.array(centers)                                          # (t, d)
        D = np.linalg.norm(X[:, None, :] - C[None, :, :], axis=2).min(axis=1)  # (n,) D(x)
        w = D ** 2
        centers.append(X[rng.choice(n, p=w / w.sum())])
    return np.array(centers)

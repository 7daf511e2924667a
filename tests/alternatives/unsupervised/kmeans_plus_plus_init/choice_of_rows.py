"""Draws whole rows with rng.choice(X, p=...) and tracks D^2 with scipy's cdist against every chosen row."""
import numpy as np
from scipy.spatial.distance import cdist


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=float)
    rows = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        d2 = cdist(X, np.array(rows), "sqeuclidean").min(axis=1)
        rows.append(rng.choice(X, p=d2 / d2.sum()))
    return np.vstack(rows)

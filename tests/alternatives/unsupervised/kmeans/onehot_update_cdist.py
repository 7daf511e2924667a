"""Distances with scipy's cdist; all centers updated at once from a one-hot membership matrix."""
import numpy as np
from scipy.spatial.distance import cdist


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.asarray(X, dtype=float)
    centers = np.asarray(init_centers, dtype=float).copy()
    k = len(centers)
    it = 0
    while it < max_iter:
        it += 1
        M = np.eye(k)[cdist(X, centers).argmin(axis=1)]       # (n, k) one-hot memberships
        counts = M.sum(axis=0)                                # (k,)
        sums = M.T @ X                                        # (k, d)
        new = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centers)
        shift = float(((new - centers) ** 2).sum())
        centers = new
        if shift <= tol:
            break
    return centers, cdist(X, centers).argmin(axis=1), it

"""Keeps a cluster-distance matrix and updates it after each merge with the Lance-Williams formulas."""
import numpy as np


def agglomerative(X, n_clusters, linkage="average"):
    X = np.asarray(X, dtype=float)
    n = len(X)
    D = np.linalg.norm(X[:, None] - X[None], axis=2)          # (n, n) cluster distances
    np.fill_diagonal(D, np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    owner = np.arange(n)                                      # the cluster each point is in
    for _ in range(n - n_clusters):
        masked = np.where(alive[:, None] & alive[None, :], D, np.inf)
        a, b = np.unravel_index(np.argmin(masked), D.shape)
        if linkage == "single":
            new = np.minimum(D[a], D[b])
        elif linkage == "complete":
            new = np.maximum(D[a], D[b])
        else:                                                 # UPGMA: size-weighted mean
            new = (size[a] * D[a] + size[b] * D[b]) / (size[a] + size[b])
        D[a], D[:, a] = new, new
        D[a, a] = np.inf
        size[a] += size[b]
        alive[b] = False
        owner[owner == b] = a
    return np.unique(owner, return_inverse=True)[1].reshape(-1)

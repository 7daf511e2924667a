"""Union-find style: labels each point with the index of its cluster's representative point, not 0..n_clusters-1."""
import numpy as np


def agglomerative(X, n_clusters, linkage="average"):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(_sq_dists(X, X))
    reduce = {"single": np.min, "complete": np.max, "average": np.mean}[linkage]
    root = np.arange(len(X))                     # root[i]: the representative of i's cluster
    while len(np.unique(root)) > n_clusters:
        ids = np.unique(root)
        best, pair = np.inf, None
        for a, b in combinations(ids, 2):
            dist = reduce(D[np.ix_(np.flatnonzero(root == a), np.flatnonzero(root == b))])
            if dist < best:
                best, pair = dist, (a, b)
        a, b = pair
        root[root == b] = a
    return root

"""Average linkage as the distance between cluster centroids (centroid linkage)."""
from itertools import combinations

import numpy as np


def agglomerative(X, n_clusters, linkage="average"):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(_sq_dists(X, X))

    def dist(A, B):
        if linkage == "average":
            return np.linalg.norm(X[A].mean(0) - X[B].mean(0))
        return {"single": np.min, "complete": np.max}[linkage](D[np.ix_(A, B)])

    clusters = [[i] for i in range(len(X))]
    while len(clusters) > n_clusters:
        a, b = min(combinations(range(len(clusters)), 2), key=lambda ab: dist(clusters[ab[0]], clusters[ab[1]]))
        clusters[a] = clusters[a] + clusters.pop(b)
    labels = np.empty(len(X), dtype=int)
    for c, members in enumerate(clusters):
        labels[members] = c
    return labels

"""Complete linkage computed with the minimum (single linkage) distance."""
from itertools import combinations

import numpy as np


def agglomerative(X, n_clusters, linkage="average"):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(_sq_dists(X, X))
    reduce = {"single": np.min, "complete": np.min, "average": np.mean}[linkage]
    clusters = [[i] for i in range(len(X))]
    while len(clusters) > n_clusters:
        a, b = min(combinations(range(len(clusters)), 2),
                   key=lambda ab: reduce(D[np.ix_(clusters[ab[0]], clusters[ab[1]])]))
        clusters[a] = clusters[a] + clusters.pop(b)
    labels = np.empty(len(X), dtype=int)
    for c, members in enumerate(clusters):
        labels[members] = c
    return labels

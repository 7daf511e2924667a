"""Gives linkage the default "single" instead of the pinned "average"."""
import numpy as np


def agglomerative(X, n_clusters, linkage="single"):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(_sq_dists(X, X))
    reduce = {"single": np.min, "complete": np.max, "average": np.mean}[linkage]
    clusters = [[i] for i in range(len(X))]
    while len(clusters) > n_clusters:
        best, pair = np.inf, None
        for a, b in combinations(range(len(clusters)), 2):
            dist = reduce(D[np.ix_(clusters[a], clusters[b])])
            if dist < best:
                best, pair = dist, (a, b)
        a, b = pair
        clusters[a] = clusters[a] + clusters.pop(b)
    labels = np.empty(len(X), dtype=int)
    for c, members in enumerate(clusters):
        labels[members] = c
    return labels

"""Clusters in a dict keyed by an id counter, distances by scipy's cdist per pair; final ids by each cluster's smallest member."""
import numpy as np
from scipy.spatial.distance import cdist


def agglomerative(X, n_clusters, linkage="average"):
    X = np.asarray(X, dtype=float)
    pick = {"single": np.min, "complete": np.max, "average": np.mean}[linkage]
    clusters = {i: [i] for i in range(len(X))}
    next_id = len(X)
    while len(clusters) > n_clusters:
        keys = sorted(clusters)
        best = None
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                dist = pick(cdist(X[clusters[a]], X[clusters[b]]))
                if best is None or dist < best[0]:
                    best = (dist, a, b)
        _, a, b = best
        clusters[next_id] = clusters.pop(a) + clusters.pop(b)
        next_id += 1
    labels = np.empty(len(X), dtype=np.int64)
    for c, members in enumerate(sorted(clusters.values(), key=min)):
        labels[members] = c
    return labels

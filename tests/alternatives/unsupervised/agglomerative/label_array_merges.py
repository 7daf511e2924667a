"""Tracks clusters as a label array, merges by relabelling, and numbers the final clusters from the last point backwards."""
import numpy as np


def agglomerative(X, n_clusters, linkage="average"):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    labels = np.arange(len(X))
    pick = {"single": np.min, "complete": np.max, "average": np.mean}[linkage]
    while len(np.unique(labels)) > n_clusters:
        ids = np.unique(labels)
        best = (np.inf, None, None)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                dist = pick(D[labels == a][:, labels == b])
                if dist < best[0]:
                    best = (dist, a, b)
        labels[labels == best[2]] = best[1]
    names = {}                                  # any renaming is fine: number from the last point
    return np.array([names.setdefault(l, len(names)) for l in labels[::-1]])[::-1]

"""Stops scoring at the first point alone in its cluster (break, not continue): later points count as 0."""
import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    D = np.sqrt(_sq_dists(X, X))
    ids = np.unique(labels)
    s = np.zeros(len(X))
    for i in range(len(X)):
        same = labels == labels[i]
        if same.sum() == 1:
            break
        a = D[i, same].sum() / (same.sum() - 1)
        b = min(D[i, labels == c].mean() for c in ids if c != labels[i])
        s[i] = (b - a) / max(a, b)
    return float(s.mean())

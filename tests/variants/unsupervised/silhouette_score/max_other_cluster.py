"""b taken as the MAX mean distance over other clusters instead of the min."""
import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    D = np.sqrt(_sq_dists(X, X))
    s = np.zeros(len(X))
    for i in range(len(X)):
        same = labels == labels[i]
        if same.sum() == 1:
            continue
        a = D[i, same].sum() / (same.sum() - 1)
        b = max(D[i, labels == c].mean() for c in np.unique(labels) if c != labels[i])
        s[i] = (b - a) / max(a, b)
    return float(s.mean())

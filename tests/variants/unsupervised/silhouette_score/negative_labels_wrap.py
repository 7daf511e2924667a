"""Uses the raw labels as column indices of a (n, max+1) one-hot matrix: a label -1 wraps onto the largest id."""
import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    n = len(X)
    D = np.sqrt(_sq_dists(X, X))
    M = np.zeros((n, labels.max() + 1))
    M[np.arange(n), labels] = 1.0
    sizes = M.sum(axis=0)
    sums = D @ M                                   # (n, K) distance sums per cluster
    own = sizes[labels]
    a = sums[np.arange(n), labels] / np.maximum(own - 1, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = np.where((M > 0) | (sizes == 0), np.inf, sums / sizes)
    b = means.min(axis=1)
    s = np.where(own > 1, (b - a) / np.maximum(a, b), 0.0)
    return float(s.mean())

"""gini from a dict of counts; best_split sorts each feature once and scores every threshold from cumulative class counts."""
from collections import Counter

import numpy as np


def gini(y):
    counts = Counter(np.asarray(y).tolist())
    n = sum(counts.values())
    return 0.0 if n == 0 else 1.0 - sum((c / n) ** 2 for c in counts.values())


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    classes, y_idx = np.unique(np.asarray(y), return_inverse=True)
    n = len(y_idx)
    onehot = np.eye(len(classes))[y_idx]                       # (n, C)
    best, best_score = None, np.inf
    for f in range(X.shape[1]):
        order = np.argsort(X[:, f], kind="stable")
        xs = X[order, f]
        left = np.cumsum(onehot[order], axis=0)[:-1]           # (n - 1, C): counts left of each gap
        right = left[-1] + onehot[order[-1]] - left
        n_l = np.arange(1, n)[:, None].astype(float)
        n_r = n - n_l
        # n_L * gini_L + n_R * gini_R = n_L - sum(c_L^2) / n_L + n_R - sum(c_R^2) / n_R
        score = (n_l[:, 0] - (left ** 2).sum(1) / n_l[:, 0] + n_r[:, 0] - (right ** 2).sum(1) / n_r[:, 0]) / n
        valid = xs[1:] > xs[:-1]                               # only gaps between distinct values
        for i in np.flatnonzero(valid):
            if score[i] < best_score - 1e-12:
                best, best_score = (f, float((xs[i] + xs[i + 1]) / 2)), score[i]
    return best

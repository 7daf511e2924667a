"""best_split replaces the best on a strictly lower float score, with no 1e-12 tolerance."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = len(y)
    best, best_score = None, np.inf
    for feature in range(X.shape[1]):
        values = np.unique(X[:, feature])
        for threshold in (values[:-1] + values[1:]) / 2:
            left = X[:, feature] <= threshold
            score = (left.sum() * gini(y[left]) + (~left).sum() * gini(y[~left])) / n
            if score < best_score:
                best, best_score = (feature, float(threshold)), score
    return best

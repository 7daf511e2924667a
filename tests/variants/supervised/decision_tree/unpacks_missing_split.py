"""Grows a node even when best_split finds no split (unpacks None): fails on rows no feature separates."""
import numpy as np


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.tree_ = self._grow(X, y, depth=0)
        return self

    def _grow(self, X, y, depth):
        labels, counts = np.unique(y, return_counts=True)
        leaf = {"label": labels[np.argmax(counts)]}
        if (len(labels) == 1
                or (self.max_depth is not None and depth >= self.max_depth)
                or len(y) < self.min_samples_split):
            return leaf
        feature, threshold = best_split(X, y)
        left = X[:, feature] <= threshold
        return {"feature": feature, "threshold": threshold,
                "left": self._grow(X[left], y[left], depth + 1),
                "right": self._grow(X[~left], y[~left], depth + 1)}

    def _predict_one(self, x):
        node = self.tree_
        while "feature" in node:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        return node["label"]

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        return np.array([self._predict_one(x) for x in X])

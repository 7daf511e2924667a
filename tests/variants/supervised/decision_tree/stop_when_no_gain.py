"""The tree stops when the best split does not lower the impurity (XOR is never split)."""
import numpy as np


class DecisionTreeClassifier(DecisionTreeClassifier):
    def _grow(self, X, y, depth):
        labels, counts = np.unique(y, return_counts=True)
        leaf = {"label": labels[np.argmax(counts)]}
        if (len(labels) == 1 or (self.max_depth is not None and depth >= self.max_depth)
                or len(y) < self.min_samples_split):
            return leaf
        split = best_split(X, y)
        if split is None:
            return leaf
        feature, threshold = split
        left = X[:, feature] <= threshold
        child = (left.sum() * gini(y[left]) + (~left).sum() * gini(y[~left])) / len(y)
        if child >= gini(y) - 1e-12:
            return leaf
        return {"feature": feature, "threshold": threshold,
                "left": self._grow(X[left], y[left], depth + 1),
                "right": self._grow(X[~left], y[~left], depth + 1)}

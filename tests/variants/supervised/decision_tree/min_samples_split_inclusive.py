"""A node with exactly min_samples_split samples is made a leaf (<= instead of <)."""
import numpy as np


class DecisionTreeClassifier(DecisionTreeClassifier):
    def _grow(self, X, y, depth):
        labels, counts = np.unique(y, return_counts=True)
        leaf = {"label": labels[np.argmax(counts)]}
        if (len(labels) == 1 or (self.max_depth is not None and depth >= self.max_depth)
                or len(y) <= self.min_samples_split):
            return leaf
        split = best_split(X, y)
        if split is None:
            return leaf
        feature, threshold = split
        left = X[:, feature] <= threshold
        return {"feature": feature, "threshold": threshold,
                "left": self._grow(X[left], y[left], depth + 1),
                "right": self._grow(X[~left], y[~left], depth + 1)}

"""Depth off by one: stops at depth > max_depth, so the tree is one level too deep."""
import numpy as np


class DecisionTreeClassifier(DecisionTreeClassifier):  # noqa: F821 - the reference class above
    def _grow(self, X, y, depth):
        labels, counts = np.unique(y, return_counts=True)
        leaf = {"label": labels[np.argmax(counts)]}
        if (len(labels) == 1 or (self.max_depth is not None and depth > self.max_depth)
                or len(y) < self.min_samples_split):
            return leaf
        split = best_split(X, y)  # noqa: F821
        if split is None:
            return leaf
        feature, threshold = split
        left = X[:, feature] <= threshold
        return {"feature": feature, "threshold": threshold,
                "left": self._grow(X[left], y[left], depth + 1),
                "right": self._grow(X[~left], y[~left], depth + 1)}

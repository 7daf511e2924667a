"""Vote ties go to the label seen first among the neighbours (Counter.most_common), not the smallest."""
from collections import Counter

import numpy as np


class KNNClassifier(KNNClassifier):  # noqa: F821 - the reference class above
    def predict(self, X):
        X = np.asarray(X, dtype=float)
        dist = np.sqrt(((X[:, None, :] - self.X_[None, :, :]) ** 2).sum(axis=2))
        nearest = np.argsort(dist, axis=1, kind="stable")[:, :self.k]
        return np.array([Counter(row.tolist()).most_common(1)[0][0] for row in self.y_[nearest]])

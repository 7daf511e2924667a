"""The vote is np.bincount(labels).argmax(): fails on negative labels."""
import numpy as np


class KNNClassifier(KNNClassifier):
    def predict(self, X):
        X = np.asarray(X, dtype=float)
        dist = np.sqrt(((X[:, None, :] - self.X_[None, :, :]) ** 2).sum(axis=2))
        nearest = np.argsort(dist, axis=1, kind="stable")[:, :self.k]
        return np.array([np.bincount(row).argmax() for row in self.y_[nearest]])

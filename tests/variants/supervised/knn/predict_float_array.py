"""predict fills np.zeros(m): integer labels come back as floats."""
import numpy as np


class KNNClassifier(KNNClassifier):
    def predict(self, X):
        X = np.asarray(X, dtype=float)
        dist = np.sqrt(((X[:, None, :] - self.X_[None, :, :]) ** 2).sum(axis=2))
        nearest = np.argsort(dist, axis=1, kind="stable")[:, :self.k]
        out = np.zeros(len(X))
        for i, row in enumerate(self.y_[nearest]):
            labels, counts = np.unique(row, return_counts=True)
            out[i] = labels[np.argmax(counts)]
        return out

"""The k nearest by np.argpartition: fails for k = n and ignores the index order of distance ties."""
import numpy as np


class KNNClassifier(KNNClassifier):
    def predict(self, X):
        X = np.asarray(X, dtype=float)
        dist = np.sqrt(((X[:, None, :] - self.X_[None, :, :]) ** 2).sum(axis=2))   # (m, n)
        nearest = np.argpartition(dist, self.k, axis=1)[:, :self.k]
        out = []
        for row in self.y_[nearest]:
            labels, counts = np.unique(row, return_counts=True)
            out.append(labels[np.argmax(counts)])
        return np.array(out)

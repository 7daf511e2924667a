"""Manhattan (L1) distance instead of Euclidean."""
import numpy as np


class KNNClassifier(KNNClassifier):  # noqa: F821 - the reference class above
    def predict(self, X):
        X = np.asarray(X, dtype=float)
        dist = np.abs(X[:, None, :] - self.X_[None, :, :]).sum(axis=2)
        nearest = np.argsort(dist, axis=1, kind="stable")[:, :self.k]
        out = []
        for row in self.y_[nearest]:
            labels, counts = np.unique(row, return_counts=True)
            out.append(labels[np.argmax(counts)])
        return np.array(out)

"""Distance ties broken towards the highest training index (sort on reversed data)."""
import numpy as np


class KNNClassifier(KNNClassifier):  # noqa: F821 - the reference class above
    def predict(self, X):
        X = np.asarray(X, dtype=float)
        dist = np.sqrt(((X[:, None, :] - self.X_[None, :, :]) ** 2).sum(axis=2))
        n = dist.shape[1]
        nearest = (n - 1 - np.argsort(dist[:, ::-1], axis=1, kind="stable"))[:, :self.k]
        out = []
        for row in self.y_[nearest]:
            labels, counts = np.unique(row, return_counts=True)
            out.append(labels[np.argmax(counts)])
        return np.array(out)

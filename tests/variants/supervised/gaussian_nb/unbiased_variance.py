"""Per-class variance with ddof=1 instead of ddof=0."""
import numpy as np


class GaussianNB(GaussianNB):  # noqa: F821 - the reference class above
    def fit(self, X, y):
        super().fit(X, y)
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        self.var_ = np.array([X[y == c].var(axis=0, ddof=1) for c in self.classes_]) + self.epsilon_
        return self

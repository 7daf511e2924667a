"""Smoothing by each feature's own variance instead of the largest variance of all features."""
import numpy as np


class GaussianNB(GaussianNB):  # noqa: F821 - the reference class above
    def fit(self, X, y):
        super().fit(X, y)
        X = np.asarray(X, dtype=float)
        self.var_ = self.var_ - self.epsilon_ + self.var_smoothing * np.var(X, axis=0)
        return self

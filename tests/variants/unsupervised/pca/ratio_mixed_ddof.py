"""Ratio divides S²/(n-1) by a total variance computed with ddof=0 (np.var)."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        super().fit(X)
        self.explained_variance_ratio_ = self.explained_variance_ / np.var(np.asarray(X, dtype=float), axis=0).sum()
        return self

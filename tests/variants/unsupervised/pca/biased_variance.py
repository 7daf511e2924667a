"""Explained variance as S² / n (ddof=0) instead of S² / (n - 1) as scikit-learn."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        super().fit(X)
        n = np.asarray(X).shape[0]
        self.explained_variance_ = self.explained_variance_ * (n - 1) / n
        return self

"""SVD of X itself, without subtracting the mean first."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        _, S, Vt = np.linalg.svd(X, full_matrices=False)
        variances = S**2 / (len(X) - 1)
        self.components_ = Vt[: self.n_components]
        self.explained_variance_ = variances[: self.n_components]
        self.explained_variance_ratio_ = self.explained_variance_ / variances.sum()
        return self

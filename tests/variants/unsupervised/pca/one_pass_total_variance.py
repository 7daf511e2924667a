"""Total variance for the ratio from the one-pass formula E[x^2] - E[x]^2, which cancels catastrophically far from the origin."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        X = np.asarray(X, dtype=float)
        n = len(X)
        self.mean_ = X.mean(axis=0)
        _, S, Vt = np.linalg.svd(X - self.mean_, full_matrices=False)
        k = self.n_components
        self.components_ = Vt[:k]
        self.explained_variance_ = S[:k] ** 2 / (n - 1)
        total = ((X**2).mean(axis=0) - self.mean_**2).sum() * n / (n - 1)
        self.explained_variance_ratio_ = self.explained_variance_ / total
        return self

"""fit centres X in place (X -= mean_): the caller's array is changed."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        X = np.asarray(X, dtype=float)
        n = X.shape[0]
        self.mean_ = X.mean(axis=0)
        X -= self.mean_
        _, S, Vt = np.linalg.svd(X, full_matrices=False)
        variances = S ** 2 / (n - 1)
        self.components_ = Vt[:self.n_components]
        self.explained_variance_ = variances[:self.n_components]
        self.explained_variance_ratio_ = self.explained_variance_ / variances.sum()
        return self

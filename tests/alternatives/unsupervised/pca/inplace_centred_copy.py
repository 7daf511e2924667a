"""Centres a copy in place (Xc = X.copy(); Xc -= mean), keeps full SVD matrices, projects with np.dot."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        Xc = np.array(X, dtype=float)
        self.mean_ = Xc.mean(axis=0)
        Xc -= self.mean_
        _, S, Vt = np.linalg.svd(Xc)                          # full_matrices=True: Vt is (d, d)
        r = min(Xc.shape)
        var = S[:r] ** 2 / (len(Xc) - 1)
        self.components_ = Vt[: self.n_components].copy()
        self.explained_variance_ = var[: self.n_components].copy()
        self.explained_variance_ratio_ = self.explained_variance_ / np.var(Xc, axis=0, ddof=1).sum()
        return self

    def transform(self, X):
        return np.dot(np.asarray(X, dtype=float) - self.mean_, self.components_.T)

    def inverse_transform(self, Z):
        return np.dot(Z, self.components_) + self.mean_

"""Eigendecomposition of the covariance matrix (np.linalg.eigh), sorted by decreasing eigenvalue, instead of an SVD."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        Xc = X - self.mean_
        cov = Xc.T @ Xc / (len(X) - 1)                        # (d, d)
        vals, vecs = np.linalg.eigh(cov)                      # ascending
        order = np.argsort(vals)[::-1][: self.n_components]
        self.components_ = vecs[:, order].T                   # (k, d)
        self.explained_variance_ = vals[order]
        self.explained_variance_ratio_ = vals[order] / np.trace(cov)
        return self

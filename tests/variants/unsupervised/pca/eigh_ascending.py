"""Eigendecomposition of the covariance with np.linalg.eigh, whose ascending order is kept (smallest variance first)."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        Xc = X - self.mean_
        vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))   # ascending eigenvalues
        k = self.n_components
        self.components_ = vecs[:, -k:].T if k < len(vals) else vecs.T
        self.explained_variance_ = vals[-k:] if k < len(vals) else vals
        self.explained_variance_ratio_ = self.explained_variance_ / vals.sum()
        return self

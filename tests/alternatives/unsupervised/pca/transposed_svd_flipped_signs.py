"""SVD of Xc.T (directions are the left singular vectors), each component signed so its entries sum to a negative number."""
import numpy as np


class PCA(PCA):
    def fit(self, X):
        X = np.asarray(X, dtype=float)
        n = len(X)
        self.mean_ = X.mean(axis=0)
        U, S, _ = np.linalg.svd((X - self.mean_).T, full_matrices=False)  # U: (d, min(n, d))
        W = U[:, : self.n_components].T                                   # (k, d)
        W = W * -np.sign(W.sum(axis=1, keepdims=True) + (W.sum(axis=1, keepdims=True) == 0))
        self.components_ = W
        self.explained_variance_ = S[: self.n_components] ** 2 / (n - 1)
        self.explained_variance_ratio_ = self.explained_variance_ / ((X - self.mean_) ** 2).sum() * (n - 1)
        return self

    def transform(self, X):
        return np.einsum("nd,kd->nk", np.asarray(X, dtype=float) - self.mean_, self.components_)

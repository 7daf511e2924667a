"""Ridge through the SVD of the centred data: coef_ = V diag(s / (s^2 + alpha)) U^T yc."""
import numpy as np


class RidgeRegression:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
        self.coef_ = Vt.T @ (s / (s ** 2 + self.alpha) * (U.T @ yc))
        self.intercept_ = float(y.mean() - X.mean(axis=0) @ self.coef_)
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

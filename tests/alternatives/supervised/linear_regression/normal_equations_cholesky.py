"""Appends a ones column and solves the normal equations A^T A theta = A^T y by Cholesky."""
import numpy as np


class LinearRegression:
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        A = np.column_stack([np.ones(len(X)), X])            # (n, d + 1): intercept first
        L = np.linalg.cholesky(A.T @ A)                       # A^T A = L L^T
        z = np.linalg.solve(L, A.T @ np.asarray(y, dtype=float))
        theta = np.linalg.solve(L.T, z)                       # (d + 1,)
        self.intercept_, self.coef_ = float(theta[0]), theta[1:]
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

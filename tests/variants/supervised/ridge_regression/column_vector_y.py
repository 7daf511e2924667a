"""y is reshaped to a column: coef_ is raveled back, but intercept_ stays a (1,) array."""
import numpy as np


class RidgeRegression(RidgeRegression):
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float).reshape(-1, 1)        # (n, 1)
        x_mean, y_mean = X.mean(axis=0), y.mean(axis=0)      # (d,), (1,)
        Xc, yc = X - x_mean, y - y_mean
        A = Xc.T @ Xc + self.alpha * np.eye(X.shape[1])
        self.coef_ = np.linalg.solve(A, Xc.T @ yc).ravel()
        self.intercept_ = y_mean - x_mean @ self.coef_       # shape (1,)
        return self

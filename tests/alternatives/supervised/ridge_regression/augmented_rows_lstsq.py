"""Ridge as plain least squares on [X 1; sqrt(alpha) I 0] vs [y; 0]: no penalty row for b, no centring."""
import numpy as np


class RidgeRegression:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        n, d = X.shape
        top = np.column_stack([X, np.ones(n)])                                 # (n, d + 1)
        penalty = np.column_stack([np.sqrt(self.alpha) * np.eye(d), np.zeros(d)])  # (d, d + 1)
        A = np.vstack([top, penalty])
        b = np.concatenate([np.asarray(y, dtype=float), np.zeros(d)])
        theta, *_ = np.linalg.lstsq(A, b, rcond=None)
        self.coef_, self.intercept_ = theta[:d], float(theta[d])
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

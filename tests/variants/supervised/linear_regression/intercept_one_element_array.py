"""intercept_ is sliced out of the solution vector as theta[:1]: a 1-element array, not a float."""
import numpy as np


class LinearRegression:
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        A = np.column_stack([np.ones(len(X)), X])              # (n, d + 1): intercept first
        theta, *_ = np.linalg.lstsq(A, np.asarray(y, dtype=float), rcond=None)
        self.intercept_, self.coef_ = theta[:1], theta[1:]
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

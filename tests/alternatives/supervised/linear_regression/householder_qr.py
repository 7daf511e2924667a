"""Least squares by a hand-written Householder QR of [X, 1], then back substitution."""
import numpy as np


def _householder_lstsq(A, b):
    R, qtb = A.copy(), b.copy()
    n, p = R.shape
    for j in range(p):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v /= np.linalg.norm(v)
        R[j:, j:] -= 2.0 * np.outer(v, v @ R[j:, j:])
        qtb[j:] -= 2.0 * v * (v @ qtb[j:])
    theta = np.zeros(p)
    for i in range(p - 1, -1, -1):
        theta[i] = (qtb[i] - R[i, i + 1:p] @ theta[i + 1:]) / R[i, i]
    return theta


class LinearRegression:
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        A = np.column_stack([X, np.ones(len(X))])            # (n, d + 1): intercept last
        theta = _householder_lstsq(A, np.asarray(y, dtype=float))
        self.coef_, self.intercept_ = theta[:-1], float(theta[-1])
        return self

    def predict(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

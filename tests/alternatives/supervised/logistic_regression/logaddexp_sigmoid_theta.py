"""sigmoid(z) = exp(-logaddexp(0, -z)); GD on one parameter vector [b, w] over a ones column."""
import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))


class LogisticRegression:
    def __init__(self, lr=0.1, n_iter=1000):
        self.lr = lr
        self.n_iter = n_iter

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        A = np.column_stack([np.ones(len(X)), X])            # (n, d + 1)
        theta = np.zeros(A.shape[1])
        self.loss_history_ = []
        for _ in range(self.n_iter):
            z = A @ theta
            self.loss_history_.append(float(np.mean(np.logaddexp(0.0, z) - y * z)))
            theta = theta - self.lr * np.einsum("ij,i->j", A, sigmoid(z) - y) / len(y)
        self.intercept_, self.coef_ = float(theta[0]), theta[1:]
        return self

    def predict_proba(self, X):
        return sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X):
        return np.where(self.predict_proba(X) >= 0.5, 1, 0)

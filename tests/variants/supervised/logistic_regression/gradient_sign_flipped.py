"""Gradient ascent: the update adds the gradient instead of subtracting it."""
import numpy as np


class LogisticRegression(LogisticRegression):  # noqa: F821 - the reference class above
    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        n, d = X.shape
        self.coef_, self.intercept_, self.loss_history_ = np.zeros(d), 0.0, []
        for _ in range(self.n_iter):
            z = X @ self.coef_ + self.intercept_
            self.loss_history_.append(float(np.mean(np.logaddexp(0.0, z) - y * z)))
            error = sigmoid(z) - y  # noqa: F821
            self.coef_ = self.coef_ + self.lr * (X.T @ error) / n
            self.intercept_ = self.intercept_ + self.lr * float(error.mean())
        return self

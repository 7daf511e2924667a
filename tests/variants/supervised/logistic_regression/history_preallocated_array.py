"""loss_history_ is a preallocated numpy array filled in the loop, not a list."""
import numpy as np


class LogisticRegression(LogisticRegression):
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        self.coef_, self.intercept_ = np.zeros(d), 0.0
        self.loss_history_ = np.zeros(self.n_iter)
        for i in range(self.n_iter):
            z = X @ self.coef_ + self.intercept_
            self.loss_history_[i] = np.mean(np.logaddexp(0.0, z) - y * z)
            error = sigmoid(z) - y
            self.coef_ = self.coef_ - self.lr * (X.T @ error) / n
            self.intercept_ = self.intercept_ - self.lr * float(error.mean())
        return self

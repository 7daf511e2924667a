"""Loss computed as -mean(y log p + (1-y) log(1-p)): log(0) = -inf once logits are huge."""
import numpy as np


class LogisticRegression(LogisticRegression):  # noqa: F821 - the reference class above
    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        n, d = X.shape
        self.coef_, self.intercept_, self.loss_history_ = np.zeros(d), 0.0, []
        for _ in range(self.n_iter):
            p = sigmoid(X @ self.coef_ + self.intercept_)  # noqa: F821
            self.loss_history_.append(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))))
            self.coef_ = self.coef_ - self.lr * X.T @ (p - y) / n
            self.intercept_ = self.intercept_ - self.lr * float(np.mean(p - y))
        return self

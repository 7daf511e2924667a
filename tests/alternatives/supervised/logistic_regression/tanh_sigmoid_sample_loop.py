"""sigmoid(z) = (1 + tanh(z / 2)) / 2 (never overflows); the gradient summed sample by sample."""
import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


class LogisticRegression(LogisticRegression):
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        self.coef_, self.intercept_, self.loss_history_ = np.zeros(d), 0.0, []
        for _ in range(self.n_iter):
            z = X @ self.coef_ + self.intercept_
            self.loss_history_.append(float(np.mean(np.logaddexp(0.0, z) - y * z)))
            grad_w, grad_b = np.zeros(d), 0.0
            for x_i, z_i, y_i in zip(X, z, y):
                err = sigmoid(z_i) - y_i
                grad_w += err * x_i
                grad_b += err
            self.coef_ = self.coef_ - self.lr * grad_w / n
            self.intercept_ = self.intercept_ - self.lr * grad_b / n
        return self

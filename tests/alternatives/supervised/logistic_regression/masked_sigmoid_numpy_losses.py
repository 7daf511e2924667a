"""sigmoid fills a fresh float array through two masks; the loss history holds np.float64 values."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    out = np.empty(z.shape, dtype=np.float64)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


class LogisticRegression(LogisticRegression):
    def fit(self, X, y):
        n, d = X.shape
        w, b, history = np.zeros(d), np.float64(0.0), []
        for _ in range(self.n_iter):
            z = X @ w + b
            history.append(np.mean(np.logaddexp(0.0, z) - y * z))
            g = sigmoid(z) - y
            w, b = w - self.lr * (X.T @ g) / n, b - self.lr * g.mean()
        self.coef_, self.intercept_, self.loss_history_ = w, b, history
        return self

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(np.int8)

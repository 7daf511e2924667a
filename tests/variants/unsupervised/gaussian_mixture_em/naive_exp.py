"""Densities exponentiated directly (no log-sum-exp): a far outlier gives 0 / 0 = NaN."""
import numpy as np


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    w, mu, cov = np.array(weights, float), np.array(means, float), np.array(covariances, float)
    n, d = X.shape
    history = []
    for _ in range(max_iter):
        p = np.stack([w[j] * np.exp(_log_gaussian(X, mu[j], cov[j])) for j in range(len(w))], axis=1)
        total = p.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            resp = p / total[:, None]
            history.append(float(np.log(total).mean()))
        nk = resp.sum(axis=0)
        w = nk / n
        mu = resp.T @ X / nk[:, None]
        for j in range(len(w)):
            D = X - mu[j]
            cov[j] = (resp[:, j, None] * D).T @ D / nk[j] + reg_covar * np.eye(d)
        if len(history) > 1 and abs(history[-1] - history[-2]) < tol:
            break
    return w, mu, cov, history

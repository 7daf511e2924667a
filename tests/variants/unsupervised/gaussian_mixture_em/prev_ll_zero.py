"""Compares the first log-likelihood with 0.0 (no previous value), so a large tol stops after one iteration."""
import numpy as np


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    w, mu, cov = np.array(weights, float), np.array(means, float), np.array(covariances, float)
    n, d = X.shape
    history = []
    for _ in range(max_iter):
        log_p = np.stack([np.log(w[j]) + _log_gaussian(X, mu[j], cov[j]) for j in range(len(w))], axis=1)
        top = log_p.max(axis=1, keepdims=True)
        log_norm = top[:, 0] + np.log(np.exp(log_p - top).sum(axis=1))
        resp = np.exp(log_p - log_norm[:, None])
        history.append(float(log_norm.mean()))
        nk = resp.sum(axis=0)
        w = nk / n
        mu = resp.T @ X / nk[:, None]
        for j in range(len(w)):
            D = X - mu[j]
            cov[j] = (resp[:, j, None] * D).T @ D / nk[j] + reg_covar * np.eye(d)
        if abs(history[-1] - (history[-2] if len(history) > 1 else 0.0)) < tol:
            break
    return w, mu, cov, history

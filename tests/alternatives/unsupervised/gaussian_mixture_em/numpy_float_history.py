"""Cholesky with scipy's solve_triangular, a while-True loop, and np.float64 entries in the history list."""
import numpy as np
from scipy.linalg import solve_triangular


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    X = np.array(X, dtype=float)
    w, mu, cov = np.array(weights, dtype=float), np.array(means, dtype=float), np.array(covariances, dtype=float)
    n, d = X.shape
    k = len(w)
    history = []
    while True:
        log_p = np.empty((n, k))
        for j in range(k):
            L = np.linalg.cholesky(cov[j])
            z = solve_triangular(L, (X - mu[j]).T, lower=True)
            log_p[:, j] = np.log(w[j]) - 0.5 * (d * np.log(2 * np.pi) + (z * z).sum(0)) - np.log(np.diag(L)).sum()
        top = log_p.max(axis=1)
        log_px = top + np.log(np.exp(log_p - top[:, None]).sum(axis=1))
        history.append(np.mean(log_px))                    # a np.float64: a float too
        r = np.exp(log_p - log_px[:, None])
        nk = r.sum(axis=0)
        w = nk / n
        mu = (r.T @ X) / nk[:, None]
        cov = np.stack([((r[:, j] * (X - mu[j]).T) @ (X - mu[j])) / nk[j] for j in range(k)])
        cov += reg_covar * np.eye(d)
        if len(history) == max_iter or (len(history) > 1 and abs(history[-1] - history[-2]) < tol):
            return w, mu, cov, history

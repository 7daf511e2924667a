"""Log-densities via np.linalg.inv and slogdet; M-step with an explicit loop over components and points."""
import numpy as np


def _log_normal(X, m, S):
    _, logdet = np.linalg.slogdet(S)
    D = X - m
    maha = np.einsum("ni,ij,nj->n", D, np.linalg.inv(S), D)
    return -0.5 * (X.shape[1] * np.log(2 * np.pi) + logdet + maha)


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    w, mu, cov = np.array(weights, float), np.array(means, float), np.array(covariances, float)
    n, d = X.shape
    k = len(w)
    history = []
    while len(history) < max_iter:
        log_p = np.log(w) + np.column_stack([_log_normal(X, mu[j], cov[j]) for j in range(k)])
        m = log_p.max(axis=1)
        log_px = m + np.log(np.sum(np.exp(log_p - m[:, None]), axis=1))
        history.append(float(log_px.mean()))
        r = np.exp(log_p - log_px[:, None])
        for j in range(k):
            nj = r[:, j].sum()
            w[j] = nj / n
            mu[j] = (r[:, j] @ X) / nj
            S = reg_covar * np.eye(d)
            for i in range(n):
                diff = X[i] - mu[j]
                S += r[i, j] * np.outer(diff, diff) / nj
            cov[j] = S
        if len(history) >= 2 and abs(history[-1] - history[-2]) < tol:
            break
    return w, mu, cov, history

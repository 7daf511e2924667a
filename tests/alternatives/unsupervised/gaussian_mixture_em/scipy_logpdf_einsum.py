"""Log-densities from scipy.stats.multivariate_normal, scipy.special.logsumexp, covariances by one einsum."""
import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal


def gaussian_mixture_em(X, weights, means, covariances, max_iter=100, tol=1e-3, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    w, mu, cov = (np.array(a, dtype=float) for a in (weights, means, covariances))
    n, d = X.shape
    lls = []
    for t in range(max_iter):
        log_p = np.column_stack([np.log(w[j]) + multivariate_normal(mu[j], cov[j]).logpdf(X)
                                 for j in range(len(w))])                       # (n, k)
        log_px = logsumexp(log_p, axis=1)                                       # (n,)
        lls.append(float(np.mean(log_px)))
        r = np.exp(log_p - log_px[:, None])
        nk = r.sum(axis=0)
        w = nk / n
        mu = np.einsum("nk,nd->kd", r, X) / nk[:, None]
        D = X[None, :, :] - mu[:, None, :]                                      # (k, n, d)
        cov = np.einsum("nk,kni,knj->kij", r, D, D) / nk[:, None, None] + reg_covar * np.eye(d)
        if t > 0 and abs(lls[-1] - lls[-2]) < tol:
            break
    return w, mu, cov, lls

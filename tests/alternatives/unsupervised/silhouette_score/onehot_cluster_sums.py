"""Vectorised: per-cluster distance sums by D @ onehot, own cluster masked with inf for b."""
import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    _, codes = np.unique(np.asarray(labels), return_inverse=True)
    codes = codes.reshape(-1)
    M = np.eye(codes.max() + 1)[codes]                        # (n, K)
    D = np.sqrt(np.maximum((X ** 2).sum(1)[:, None] + (X ** 2).sum(1)[None] - 2 * X @ X.T, 0))
    np.fill_diagonal(D, 0.0)
    sums, sizes = D @ M, M.sum(axis=0)                        # (n, K), (K,)
    own = sizes[codes]
    a = sums[np.arange(len(X)), codes] / np.maximum(own - 1, 1)
    means = np.where(M.astype(bool), np.inf, sums / sizes)
    b = means.min(axis=1)
    s = np.where(own > 1, (b - a) / np.maximum(a, b), 0.0)
    return float(s.mean())

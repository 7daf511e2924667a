"""Updates init_centers in place (no copy), so the caller's array changes."""
import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.asarray(X, dtype=float)
    centers = init_centers
    n_iter = 0
    for n_iter in range(1, max_iter + 1):
        labels = _sq_dists(X, centers).argmin(axis=1)
        old = centers.copy()
        for j in range(len(centers)):
            if (labels == j).any():
                centers[j] = X[labels == j].mean(axis=0)
        if ((centers - old) ** 2).sum() <= tol:
            break
    labels = _sq_dists(X, centers).argmin(axis=1)
    return centers, labels, n_iter

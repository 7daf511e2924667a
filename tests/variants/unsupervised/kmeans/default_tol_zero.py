"""Changes the default tol to 0.0 ("run until nothing moves") instead of the pinned 1e-4."""
import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=0.0):
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)
    n_iter = 0
    for n_iter in range(1, max_iter + 1):
        labels = _sq_dists(X, centers).argmin(axis=1)
        new = centers.copy()
        for j in range(len(centers)):
            if (labels == j).any():
                new[j] = X[labels == j].mean(axis=0)
        shift = ((new - centers) ** 2).sum()
        centers = new
        if shift <= tol:
            break
    return centers, _sq_dists(X, centers).argmin(axis=1), n_iter

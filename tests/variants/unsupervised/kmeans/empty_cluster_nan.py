"""Empty cluster: its center becomes the mean of no points (NaN) instead of staying put."""
import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)
    n_iter = 0
    for n_iter in range(1, max_iter + 1):
        labels = _sq_dists(X, centers).argmin(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            new = np.array([X[labels == j].sum(0) / (labels == j).sum() for j in range(len(centers))])
        shift = ((new - centers) ** 2).sum()
        centers = new
        if shift <= tol:
            break
    labels = _sq_dists(X, centers).argmin(axis=1)
    return centers, labels, n_iter

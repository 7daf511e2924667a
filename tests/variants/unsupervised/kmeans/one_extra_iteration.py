"""A while loop with `<=` runs max_iter + 1 iterations when the loop is cut short."""
import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)
    n_iter = 0
    while n_iter <= max_iter:
        n_iter += 1
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

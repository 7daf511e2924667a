"""Builds the labels in np.zeros(n), a float array: labels come back as 0.0, 1.0, ... floats."""
import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)

    def assign(C):
        labels = np.zeros(len(X))
        d = _sq_dists(X, C)
        for i in range(len(X)):
            labels[i] = d[i].argmin()
        return labels

    n_iter = 0
    for n_iter in range(1, max_iter + 1):
        labels = assign(centers)
        new = centers.copy()
        for j in range(len(centers)):
            if (labels == j).any():
                new[j] = X[labels == j].mean(axis=0)
        shift = ((new - centers) ** 2).sum()
        centers = new
        if shift <= tol:
            break
    return centers, assign(centers), n_iter

"""Assigns with a loop and `<=`, so an exact tie goes to the highest center index."""
import numpy as np


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)

    def assign(C):
        labels = np.zeros(len(X), dtype=int)
        for i, x in enumerate(X):
            best = np.inf
            for j, c in enumerate(C):
                d = ((x - c) ** 2).sum()
                if d <= best:
                    best, labels[i] = d, j
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

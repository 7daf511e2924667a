"""Lloyd's iterations written as a recursion, with np.add.at to sum each cluster's points."""
import numpy as np


def _assign(X, centers):
    return np.argmin(np.linalg.norm(X[:, None, :] - centers[None], axis=2), axis=1)


def _lloyd(X, centers, it, max_iter, tol):
    labels = _assign(X, centers)
    sums = np.zeros_like(centers)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=len(centers))
    new = centers.copy()
    filled = counts > 0
    new[filled] = sums[filled] / counts[filled, None]         # empty clusters keep their center
    if ((new - centers) ** 2).sum() <= tol or it == max_iter:
        return new, it
    return _lloyd(X, new, it + 1, max_iter, tol)


def kmeans(X, init_centers, max_iter=300, tol=1e-4):
    X = np.asarray(X, dtype=float)
    centers, n_iter = _lloyd(X, np.array(init_centers, dtype=float), 1, max_iter, tol)
    return centers, _assign(X, centers), n_iter

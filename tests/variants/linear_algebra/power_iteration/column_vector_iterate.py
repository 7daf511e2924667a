"""Iterates on a (n, 1) column and returns v.T @ A @ v as lam: a (1, 1) array, not a Python float."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    v = np.ones((n, 1)) / np.sqrt(n)
    for _ in range(num_iters):
        w = A @ v
        w /= np.linalg.norm(w)
        w *= np.sign(w[np.argmax(np.abs(w))])
        converged = np.linalg.norm(w - v) < tol
        v = w
        if converged:
            break
    return v.T @ A @ v, v.ravel()

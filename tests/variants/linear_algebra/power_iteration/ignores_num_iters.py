"""Iterates until converged and ignores num_iters."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.ones(A.shape[0]) / np.sqrt(A.shape[0])
    while True:
        w = A @ v
        w /= np.linalg.norm(w)
        if w[np.argmax(np.abs(w))] < 0:
            w = -w
        if np.linalg.norm(w - v) < max(tol, 1e-12):
            return float(w @ A @ w), w
        v = w

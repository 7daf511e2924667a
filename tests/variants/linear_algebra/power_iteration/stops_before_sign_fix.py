"""Compares ||w - v|| before fixing w's sign: for a negative eigenvalue w ~ -v, so tol never stops it."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    v = np.ones(n) / np.sqrt(n)
    for _ in range(num_iters):
        w = A @ v
        w /= np.linalg.norm(w)
        converged = np.linalg.norm(w - v) < tol   # w's sign not fixed yet
        v = w * np.sign(w[np.argmax(np.abs(w))])
        if converged:
            break
    return float(v @ A @ v), v

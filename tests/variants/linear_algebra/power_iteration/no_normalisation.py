"""Normalises only at the end: A^k v overflows to inf/NaN when all iterations run."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    w = np.ones(n) / np.sqrt(n)
    v = w
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(num_iters):
            w = A @ w                                      # never rescaled
            u = w / np.linalg.norm(w)
            u *= np.sign(u[np.argmax(np.abs(u))])
            converged = np.linalg.norm(u - v) < tol
            v = u
            if converged:
                break
        return float(v @ A @ v), v

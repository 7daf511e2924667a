"""Never fixes the eigenvector's sign: it comes out as whatever the iteration lands on."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    v = np.ones(n) / np.sqrt(n)
    for _ in range(num_iters):
        w = A @ v
        w /= np.linalg.norm(w)
        converged = min(np.linalg.norm(w - v), np.linalg.norm(w + v)) < tol
        v = w
        if converged:
            break
    return float(v @ A @ v), v

"""Gaussian elimination without row swaps: divides by a zero (or tiny) pivot."""
import numpy as np


def lu_solve(A, b):
    U = np.array(A, dtype=float)
    x = np.array(b, dtype=float)
    n = U.shape[0]
    for k in range(n):
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.outer(m, U[k, k:])
        x[k + 1:] -= np.multiply.outer(m, x[k])
    if np.any(np.abs(np.diag(U)) <= 1e-12 * np.abs(A).max()):
        raise np.linalg.LinAlgError("singular matrix")
    for k in range(n - 1, -1, -1):
        x[k] = (x[k] - U[k, k + 1:] @ x[k + 1:]) / U[k, k]
    return x

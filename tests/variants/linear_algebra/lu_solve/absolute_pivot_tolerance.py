"""Tests the pivot against an absolute 1e-12 instead of 1e-12 * max|A|: wrong for tiny or huge matrices."""
import numpy as np


def lu_solve(A, b):
    U = np.array(A, dtype=float)
    x = np.array(b, dtype=float)
    n = U.shape[0]
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= 1e-12:
            raise np.linalg.LinAlgError("matrix is singular")
        U[[k, p]] = U[[p, k]]
        x[[k, p]] = x[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.outer(m, U[k, k:])
        x[k + 1:] -= np.multiply.outer(m, x[k])
    for k in range(n - 1, -1, -1):
        x[k] = (x[k] - U[k, k + 1:] @ x[k + 1:]) / U[k, k]
    return x

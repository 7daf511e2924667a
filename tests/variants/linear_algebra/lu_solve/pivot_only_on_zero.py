"""Swaps rows only when the diagonal entry is exactly zero: a tiny pivot wrecks the answer."""
import numpy as np


def lu_solve(A, b):
    U = np.array(A, dtype=float)
    x = np.array(b, dtype=float)
    n = U.shape[0]
    tol = 1e-12 * np.abs(U).max(initial=0.0)
    for k in range(n):
        if U[k, k] == 0.0:
            nonzero = np.flatnonzero(np.abs(U[k:, k]) > tol)
            if nonzero.size == 0:
                raise np.linalg.LinAlgError("singular matrix")
            p = k + int(nonzero[0])
            U[[k, p]] = U[[p, k]]
            x[[k, p]] = x[[p, k]]
        if abs(U[k, k]) <= tol:
            raise np.linalg.LinAlgError("singular matrix")
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.outer(m, U[k, k:])
        x[k + 1:] -= np.multiply.outer(m, x[k])
    for k in range(n - 1, -1, -1):
        x[k] = (x[k] - U[k, k + 1:] @ x[k + 1:]) / U[k, k]
    return x

"""Works on b as a (n, k) matrix and returns x[:, 0] whenever k == 1: a (n, 1) b comes back as shape (n,)."""
import numpy as np


def lu_solve(A, b):
    U = np.array(A, dtype=float)
    n = U.shape[0]
    x = np.array(b, dtype=float).reshape(n, -1)            # (n, k) whatever b was
    tol = 1e-12 * np.abs(U).max(initial=0.0)
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= tol:
            raise np.linalg.LinAlgError("matrix is singular")
        U[[k, p]] = U[[p, k]]
        x[[k, p]] = x[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.outer(m, U[k, k:])
        x[k + 1:] -= np.outer(m, x[k])
    for k in range(n - 1, -1, -1):
        x[k] = (x[k] - U[k, k + 1:] @ x[k + 1:]) / U[k, k]
    return x[:, 0] if x.shape[1] == 1 else x

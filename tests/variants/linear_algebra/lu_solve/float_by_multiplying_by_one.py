"""Makes its copies float with np.array(A) * 1.0: fine for integers, but a float32 A stays float32."""
import numpy as np


def lu_solve(A, b):
    U = np.array(A) * 1.0
    x = np.array(b) * 1.0
    n = U.shape[0]
    tol = 1e-12 * np.abs(U).max(initial=0.0)
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= tol:
            raise np.linalg.LinAlgError("matrix is singular")
        U[[k, p]] = U[[p, k]]
        x[[k, p]] = x[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.outer(m, U[k, k:])
        x[k + 1:] -= np.multiply.outer(m, x[k])
    for k in range(n - 1, -1, -1):
        x[k] = (x[k] - U[k, k + 1:] @ x[k + 1:]) / U[k, k]
    return x

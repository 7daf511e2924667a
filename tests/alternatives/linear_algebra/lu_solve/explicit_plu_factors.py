"""Stores P, L and U explicitly, then solves L y = P b and U x = y with scalar loops."""
import numpy as np


def lu_solve(A, b):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    U = A.copy()
    L = np.eye(n)
    perm = np.arange(n)
    scale = np.max(np.abs(A)) if A.size else 0.0
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(U[i, k]))
        if abs(U[p, k]) <= 1e-12 * scale:
            raise np.linalg.LinAlgError("singular matrix")
        U[[k, p], :] = U[[p, k], :]
        L[[k, p], :k] = L[[p, k], :k]
        perm[[k, p]] = perm[[p, k]]
        for i in range(k + 1, n):
            L[i, k] = U[i, k] / U[k, k]
            U[i, k:] = U[i, k:] - L[i, k] * U[k, k:]
    y = np.asarray(b, dtype=float)[perm].copy()
    for i in range(n):                      # forward substitution, L has a unit diagonal
        y[i] = y[i] - L[i, :i] @ y[:i]
    x = y
    for i in range(n - 1, -1, -1):          # back substitution
        x[i] = (x[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

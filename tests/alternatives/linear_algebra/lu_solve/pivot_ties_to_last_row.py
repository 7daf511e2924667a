"""Breaks exact pivot ties towards the last tied row (the brief allows any), and keeps b as a (n, k) matrix throughout."""
import numpy as np


def lu_solve(A, b):
    U = np.array(A, dtype=float)
    n = U.shape[0]
    rhs = np.array(b, dtype=float)
    X = rhs.reshape(n, -1)                       # (n, k): a view of the private copy rhs
    tol = 1e-12 * (np.abs(U).max() if U.size else 0.0)
    for k in range(n):
        column = np.abs(U[k:, k])
        p = k + int(np.flatnonzero(column == column.max())[-1])   # the last of the tied rows
        if abs(U[p, k]) <= tol:
            raise np.linalg.LinAlgError("matrix is singular")
        U[[k, p]], X[[k, p]] = U[[p, k]], X[[p, k]]
        for i in range(k + 1, n):
            factor = U[i, k] / U[k, k]
            U[i, k:] -= factor * U[k, k:]
            X[i] -= factor * X[k]
    for k in range(n - 1, -1, -1):
        X[k] = (X[k] - U[k, k + 1:] @ X[k + 1:]) / U[k, k]
    return X.reshape(rhs.shape)

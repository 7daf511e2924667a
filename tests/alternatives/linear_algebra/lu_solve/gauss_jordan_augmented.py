"""Gauss-Jordan elimination on the augmented matrix [A | b]: clears above and below, no back substitution."""
import numpy as np


def lu_solve(A, b):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    n = A.shape[0]
    M = np.hstack([A, b.reshape(n, -1)])        # (n, n + k): a new array, A and b stay intact
    tol = 1e-12 * (np.abs(A).max() if A.size else 0.0)
    for k in range(n):
        p = k + int(np.argmax(np.abs(M[k:, k])))
        if abs(M[p, k]) <= tol:
            raise np.linalg.LinAlgError("singular matrix")
        M[[k, p]] = M[[p, k]]
        M[k] /= M[k, k]                          # unit pivot
        others = np.arange(n) != k
        M[others] -= np.outer(M[others, k], M[k])  # zero column k in every other row
    return M[:, n:].reshape(b.shape)

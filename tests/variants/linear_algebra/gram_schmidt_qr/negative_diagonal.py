"""R's diagonal is not made non-negative (sign flipped on every column)."""
import numpy as np


def gram_schmidt_qr(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q = A.copy()
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = -np.linalg.norm(Q[:, j])
        Q[:, j] /= R[j, j]
        for k in range(j + 1, n):
            R[j, k] = Q[:, j] @ Q[:, k]
            Q[:, k] -= R[j, k] * Q[:, j]
    return Q, R

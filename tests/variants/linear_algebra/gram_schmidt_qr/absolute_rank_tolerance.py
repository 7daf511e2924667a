"""Tests the remaining column norm against an absolute 1e-12, not 1e-12 times the column's original norm."""
import numpy as np


def gram_schmidt_qr(A):
    V = np.array(A, dtype=float)
    m, n = V.shape
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = np.linalg.norm(V[:, j])
        if R[j, j] <= 1e-12:
            raise np.linalg.LinAlgError("rank deficient")
        V[:, j] /= R[j, j]
        R[j, j + 1:] = V[:, j] @ V[:, j + 1:]
        V[:, j + 1:] -= np.outer(V[:, j], R[j, j + 1:])
    return V, R

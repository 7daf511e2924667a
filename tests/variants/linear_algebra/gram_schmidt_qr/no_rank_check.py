"""Divides by the remaining norm without checking it: a dependent or zero column gives garbage or NaN."""
import numpy as np


def gram_schmidt_qr(A):
    V = np.array(A, dtype=float)
    m, n = V.shape
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = np.linalg.norm(V[:, j])
        with np.errstate(divide="ignore", invalid="ignore"):
            V[:, j] /= R[j, j]
        R[j, j + 1:] = V[:, j] @ V[:, j + 1:]
        V[:, j + 1:] -= np.outer(V[:, j], R[j, j + 1:])
    return V, R

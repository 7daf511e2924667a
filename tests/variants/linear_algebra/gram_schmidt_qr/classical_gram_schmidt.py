"""Classical Gram-Schmidt: projects on the original column, so Q loses orthogonality when A is ill-conditioned."""
import numpy as np


def gram_schmidt_qr(A):
    A = np.array(A, dtype=float)
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        R[:j, j] = Q[:, :j].T @ A[:, j]          # all coefficients from the original column at once
        v = A[:, j] - Q[:, :j] @ R[:j, j]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-12 * np.linalg.norm(A[:, j]) or R[j, j] == 0.0:
            raise np.linalg.LinAlgError("rank deficient")
        Q[:, j] = v / R[j, j]
    return Q, R

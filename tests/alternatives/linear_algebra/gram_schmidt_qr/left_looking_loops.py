"""Left-looking modified Gram-Schmidt with scalar loops: column j is orthogonalised against q_0..q_{j-1} one by one."""
import numpy as np


def gram_schmidt_qr(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v                # projection on the *updated* v: modified GS
            v = v - R[i, j] * Q[:, i]
        norm = np.sqrt(v @ v)
        if norm == 0.0 or norm <= 1e-12 * np.linalg.norm(A[:, j]):
            raise np.linalg.LinAlgError(f"column {j} is dependent on the earlier ones")
        R[j, j] = norm
        Q[:, j] = v / norm
    return Q, R

"""Recursive modified Gram-Schmidt: normalise the first column, deflate the rest, recurse on what is left."""
import numpy as np


def gram_schmidt_qr(A):
    A = np.array(A, dtype=float)
    return _mgs(A, np.linalg.norm(A, axis=0))


def _mgs(V, norms):
    m, n = V.shape
    if n == 0:
        return np.zeros((m, 0)), np.zeros((0, 0))
    r = np.linalg.norm(V[:, 0])
    if r == 0.0 or r <= 1e-12 * norms[0]:
        raise np.linalg.LinAlgError("A is rank deficient")
    q = V[:, 0] / r
    row = q @ V[:, 1:]                                   # (n-1,) the rest of R's first row
    Q_rest, R_rest = _mgs(V[:, 1:] - np.outer(q, row), norms[1:])
    R = np.zeros((n, n))
    R[0, 0], R[0, 1:], R[1:, 1:] = r, row, R_rest
    return np.column_stack([q, Q_rest]), R

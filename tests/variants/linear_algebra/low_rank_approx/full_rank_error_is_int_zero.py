"""Short-cuts k = min(m, n) with `return A.copy(), 0`: err is the int 0, not a float."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    if k == min(A.shape):
        return A.copy(), 0
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]
    return A_k, float(np.sqrt(np.sum(s[k:] ** 2)))

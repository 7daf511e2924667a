"""Short-cuts k = min(m, n) by returning the (float) input itself: A_k is A, not a new array."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    if k == min(A.shape):
        return A, 0.0
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]
    return A_k, float(np.sqrt(np.sum(s[k:] ** 2)))

"""Returns the squared Frobenius error (sum of the discarded s_i^2, no square root)."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]
    return A_k, float(np.sum(s[k:] ** 2))

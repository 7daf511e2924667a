"""Short-cuts k = 0 with np.zeros_like(A) before converting A: an integer A gives integer zeros."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A)
    if k == 0:
        return np.zeros_like(A), float(np.linalg.norm(A))
    U, s, Vt = np.linalg.svd(A.astype(float), full_matrices=False)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]
    return A_k, float(np.sqrt(np.sum(s[k:] ** 2)))

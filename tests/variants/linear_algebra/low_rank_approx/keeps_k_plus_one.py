"""Off by one: keeps the first k + 1 singular triplets."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = (U[:, :k + 1] * s[:k + 1]) @ Vt[:k + 1]
    return A_k, float(np.sqrt(np.sum(s[k + 1:] ** 2)))

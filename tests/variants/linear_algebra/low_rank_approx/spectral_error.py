"""Reports the spectral-norm error s[k] instead of the Frobenius norm of A - A_k."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]
    return A_k, float(s[k]) if k < len(s) else 0.0

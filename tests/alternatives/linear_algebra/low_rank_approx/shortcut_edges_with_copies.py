"""Handles k = 0 and k = min(m, n) without an SVD (float64 zeros, a copy of A); err as a numpy.float64 from np.linalg.norm."""
import numpy as np


def low_rank_approx(A, k):
    A = np.array(A, dtype=float)                 # a copy: returning it is returning a new array
    if k == 0:
        return np.zeros(A.shape), np.linalg.norm(A)
    if k == min(A.shape):
        return A, np.float64(0.0)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k], np.linalg.norm(s[k:])

"""Computes err as sqrt(||A||^2 - ||A_k||^2): cancels catastrophically (NaN) when A_k is almost A."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]
    return A_k, float(np.sqrt(np.sum(A ** 2) - np.sum(A_k ** 2)))

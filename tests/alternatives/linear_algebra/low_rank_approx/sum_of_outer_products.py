"""Builds A_k as a loop over rank-1 outer products and measures err directly as ||A - A_k||_F."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    U, s, Vt = np.linalg.svd(A)                  # full matrices; only the first k triplets are used
    A_k = np.zeros_like(A)
    for i in range(k):
        A_k += s[i] * np.outer(U[:, i], Vt[i])
    return A_k, float(np.linalg.norm(A - A_k, "fro"))

"""Projects the rows of A on the top-k right singular vectors: A_k = A V_k V_k^T (einsum), err from s."""
import numpy as np


def low_rank_approx(A, k):
    A = np.asarray(A, dtype=float)
    _, s, Vt = np.linalg.svd(A, full_matrices=False)
    Vk = Vt[:k].T                                # (n, k)
    A_k = np.einsum("ij,jk,lk->il", A, Vk, Vk)    # (m, n) @ (n, k) @ (k, n)
    return A_k, float(np.sqrt(s[k:] @ s[k:]))

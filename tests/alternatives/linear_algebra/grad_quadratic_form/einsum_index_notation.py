"""Index notation with einsum: d/dx_k sum_ij x_i A_ij x_j = sum_j A_kj x_j + sum_i x_i A_ik."""
import numpy as np


def grad_quadratic_form(A, x):
    A, x = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    return np.einsum("kj,j->k", A, x) + np.einsum("i,ik->k", x, A)

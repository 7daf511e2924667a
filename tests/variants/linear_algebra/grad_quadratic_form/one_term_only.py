"""Differentiates only one occurrence of x: returns A x, dropping the A^T x term."""
import numpy as np


def grad_quadratic_form(A, x):
    A, x = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    return A @ x

"""Writes the gradient as A x + x A (the two product-rule terms) instead of (A + A^T) x."""
import numpy as np


def grad_quadratic_form(A, x):
    A, x = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    return A @ x + x @ A

"""Expands the gradient as A^T A x - A^T b (the normal-equations form)."""
import numpy as np


def grad_least_squares(A, x, b):
    A, x, b = np.asarray(A, dtype=float), np.asarray(x, dtype=float), np.asarray(b, dtype=float)
    return (A.T @ A) @ x - A.T @ b

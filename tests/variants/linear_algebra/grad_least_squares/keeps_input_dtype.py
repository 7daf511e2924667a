"""Converts with np.asarray but no dtype: integer inputs give an integer gradient, float32 a float32 one."""
import numpy as np


def grad_least_squares(A, x, b):
    A, x, b = (np.asarray(t) for t in (A, x, b))
    return A.T @ (A @ x - b)

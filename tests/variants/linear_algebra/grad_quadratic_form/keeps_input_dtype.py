"""Converts with np.asarray but no dtype: integer inputs give an integer gradient, float32 a float32 one."""
import numpy as np


def grad_quadratic_form(A, x):
    A, x = np.asarray(A), np.asarray(x)
    return (A + A.T) @ x

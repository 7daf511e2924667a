"""Residual taken as b - A x: the gradient points uphill the wrong way (it is minus the gradient)."""
import numpy as np


def grad_least_squares(A, x, b):
    A, x, b = (np.asarray(t, dtype=float) for t in (A, x, b))
    return A.T @ (b - A @ x)

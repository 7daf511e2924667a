"""Sums r_i * (row i of A) over the residuals with an explicit loop: the gradient of 1/2 sum r_i^2."""
import numpy as np


def grad_least_squares(A, x, b):
    A, x, b = np.asarray(A, dtype=float), np.asarray(x, dtype=float), np.asarray(b, dtype=float)
    g = np.zeros(A.shape[1])
    for a_i, b_i in zip(A, b):
        g += (a_i @ x - b_i) * a_i
    return g

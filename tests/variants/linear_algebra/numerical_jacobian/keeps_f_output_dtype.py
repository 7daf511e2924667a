"""Differences f's outputs in their own dtype: an f that returns float32 gives a float32 J."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        columns.append((np.atleast_1d(f(x + step)) - np.atleast_1d(f(x - step))) / (2 * eps))
    return np.stack(columns, axis=1)

"""Stacks the difference quotients as rows: returns J.T, shape (n, m)."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    rows = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        rows.append((np.atleast_1d(f(x + step)) - np.atleast_1d(f(x - step))) / (2 * eps))
    return np.array(rows)

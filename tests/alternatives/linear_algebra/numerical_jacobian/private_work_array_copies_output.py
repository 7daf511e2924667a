"""Perturbs one private work array in place (CS231n style), copying f's output before touching the array again."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    work = np.array(x, dtype=float)
    columns = []
    for j in range(work.size):
        old = work[j]
        work[j] = old + eps
        f_plus = np.array(f(work), dtype=float, ndmin=1)    # np.array copies, even a view of work
        work[j] = old - eps
        f_minus = np.array(f(work), dtype=float, ndmin=1)
        work[j] = old
        columns.append((f_plus - f_minus) / (2 * eps))
    return np.column_stack(columns)

"""Forward differences (f(x + eps e_j) - f(x)) / eps: only first-order accurate."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    f0 = np.atleast_1d(np.asarray(f(x), dtype=float))
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        columns.append((np.atleast_1d(np.asarray(f(x + step), dtype=float)) - f0) / eps)
    return np.stack(columns, axis=1)

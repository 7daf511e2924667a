"""Nudges the caller's x in place (x[j] += eps ... x[j] -= 2 eps ...): the input changes under f."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    x = np.asarray(x, dtype=float)            # no copy for a float array
    columns = []
    for j in range(x.size):
        x[j] += eps
        f_plus = np.atleast_1d(np.asarray(f(x), dtype=float))
        x[j] -= 2 * eps
        f_minus = np.atleast_1d(np.asarray(f(x), dtype=float))
        x[j] += eps
        columns.append((f_plus - f_minus) / (2 * eps))
    return np.stack(columns, axis=1)

"""Builds all perturbed points as rows of x + eps I and x - eps I, evaluates f on each, transposes at the end."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    x = np.asarray(x, dtype=float)
    steps = eps * np.eye(x.size)                                        # (n, n), row j = eps e_j
    plus = np.array([np.ravel(f(row)) for row in x + steps], dtype=float)    # (n, m)
    minus = np.array([np.ravel(f(row)) for row in x - steps], dtype=float)   # (n, m)
    return ((plus - minus) / (2 * eps)).T                               # (m, n)

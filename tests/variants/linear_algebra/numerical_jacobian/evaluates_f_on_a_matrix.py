"""Vectorises by calling f once on all perturbed points as the columns of an (n, n) matrix: f is given a matrix, not (n,) vectors."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    x = np.array(x, dtype=float)
    steps = eps * np.eye(x.size)                                   # column j = eps e_j
    F_plus = np.asarray(f(x[:, None] + steps), dtype=float)        # (m, n) if f maps columns
    F_minus = np.asarray(f(x[:, None] - steps), dtype=float)
    return np.atleast_2d((F_plus - F_minus) / (2 * eps))

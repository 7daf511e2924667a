"""Perturbs one entry of a private float copy in place (then restores it) and fills a preallocated J."""
import numpy as np


def numerical_jacobian(f, x, eps=1e-6):
    x0 = np.array(x, dtype=float)
    work = x0.copy()
    J = None
    for j in range(x0.size):
        work[j] = x0[j] + eps
        f_plus = np.atleast_1d(f(work.copy()))
        work[j] = x0[j] - eps
        f_minus = np.atleast_1d(f(work.copy()))
        work[j] = x0[j]
        if J is None:
            J = np.empty((f_plus.size, x0.size))
        J[:, j] = (f_plus - f_minus) / (2 * eps)
    return J

"""Uses 2 A x, which is the gradient only for a symmetric A."""
import numpy as np


def grad_quadratic_form(A, x):
    A, x = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    return 2 * A @ x

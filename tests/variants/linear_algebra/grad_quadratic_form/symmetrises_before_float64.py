"""Forms A + A.T in the input's dtype and converts only then: a float32 A rounds the sum in float32."""
import numpy as np


def grad_quadratic_form(A, x):
    A = np.asarray(A)
    return (A + A.T).astype(float) @ np.asarray(x, dtype=float)

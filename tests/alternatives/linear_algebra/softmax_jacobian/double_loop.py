"""Fills J entry by entry with the Kronecker-delta formula s_i (delta_ij - s_j), softmax shifted by the max."""
import math

import numpy as np


def softmax_jacobian(z):
    z = [float(v) for v in np.ravel(z)]
    m = max(z)
    e = [math.exp(v - m) for v in z]
    total = math.fsum(e)
    s = [v / total for v in e]
    n = len(s)
    J = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            J[i, j] = s[i] * ((1.0 if i == j else 0.0) - s[j])
    return J

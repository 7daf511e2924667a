"""sigmoid reuses z as its output buffer: the caller's float array is overwritten."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)                            # no copy for a float64 array
    e = np.exp(-np.abs(z))
    pos = z >= 0
    z[pos] = 1.0 / (1.0 + e[pos])
    z[~pos] = e[~pos] / (1.0 + e[~pos])
    return z

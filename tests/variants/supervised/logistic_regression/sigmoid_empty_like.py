"""sigmoid fills np.empty_like(z): an integer z gives an integer (truncated) result."""
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    out = np.empty_like(z)
    pos = z >= 0
    e = np.exp(-np.abs(z[~pos]))
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    out[~pos] = e / (1.0 + e)
    return out

"""Transforms the caller's u in place (np.log1p(-u, out=u)) to save memory."""
import numpy as np


def sample_exponential(u, rate):
    u = np.asarray(u, dtype=float)          # no copy for a float array: this IS the caller's array
    np.negative(u, out=u)
    np.log1p(u, out=u)
    u /= -rate
    return u

"""Squeezes x first, so an (n, 1) column comes back as two floats instead of arrays of shape (1,)."""
import numpy as np


def gaussian_mle(x):
    x = np.squeeze(np.asarray(x, dtype=float))
    mu = x.sum(axis=0) / x.shape[0]
    var = ((x - mu) ** 2).sum(axis=0) / x.shape[0]
    return (float(mu), float(var)) if x.ndim == 1 else (mu, var)

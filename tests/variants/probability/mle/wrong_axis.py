"""Reduces over the last axis (per row) instead of over the samples (axis 0)."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1)
    mu = mu[..., 0]
    return (float(mu), float(var)) if x.ndim == 1 else (mu, var)

"""Fits each column separately in a loop (two-pass, centred) and stacks the results with np.array."""
import numpy as np


def _fit(column):
    n = column.shape[0]
    mu = column.sum() / n
    return mu, np.dot(column - mu, column - mu) / n


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        mu, var = _fit(x)
        return float(mu), float(var)
    fits = [_fit(x[:, j]) for j in range(x.shape[1])]
    return np.array([m for m, _ in fits]), np.array([v for _, v in fits])


def bernoulli_mle(x):
    x = np.asarray(x)
    return sum(bool(v) for v in x) / len(x)

"""Variances from explicit centred sums (/N and /(N-1)); gamma / sqrt(var + eps) folded into one scale."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    x = np.asarray(x, dtype=float)
    if not training:
        scale = gamma / np.sqrt(running_var + eps)
        return (x - running_mean) * scale + beta, running_mean.copy(), running_var.copy()
    n = x.shape[0]
    mean = x.sum(axis=0) / n
    sq = ((x - mean) ** 2).sum(axis=0)                  # (C,)
    scale = gamma / np.sqrt(sq / n + eps)               # biased variance to normalise
    out = (x - mean) * scale + beta
    new_mean = running_mean + momentum * (mean - running_mean)
    new_var = running_var + momentum * (sq / (n - 1) - running_var)   # unbiased for the running stat
    return out, new_mean, new_var

"""Takes the unbiased variance with np.var(ddof=1) and rescales it by (N-1)/N for the normalisation."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    x = np.asarray(x, dtype=float)
    new_mean, new_var = np.array(running_mean, dtype=float), np.array(running_var, dtype=float)
    if training:
        n = len(x)
        mean, unbiased = np.mean(x, axis=0), np.var(x, axis=0, ddof=1)
        var = unbiased * (n - 1) / n
        new_mean = (1 - momentum) * new_mean + momentum * mean
        new_var = (1 - momentum) * new_var + momentum * unbiased
    else:
        mean, var = new_mean, new_var
    x_hat = (x - mean) / np.sqrt(var + eps)
    return gamma * x_hat + beta, new_mean, new_var

"""Normalises with the unbiased batch variance (ddof=1) in the forward pass."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    if not training:
        out = (x - running_mean) / np.sqrt(running_var + eps) * gamma + beta
        return out, running_mean.copy(), running_var.copy()
    mean, var = x.mean(0), x.var(0, ddof=1)
    out = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return out, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * var

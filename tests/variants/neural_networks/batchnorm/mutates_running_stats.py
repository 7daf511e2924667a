"""Updates running_mean / running_var in place and returns the same arrays."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    if not training:
        out = (x - running_mean) / np.sqrt(running_var + eps) * gamma + beta
        return out, running_mean, running_var
    n = x.shape[0]
    mean, var = x.mean(0), x.var(0)
    running_mean *= 1 - momentum
    running_mean += momentum * mean
    running_var *= 1 - momentum
    running_var += momentum * var * n / (n - 1)
    out = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return out, running_mean, running_var

"""softmax as exp(z - logsumexp(z)), and J = s[:, None] * (I - s[None, :]) by broadcasting."""
import numpy as np


def softmax_jacobian(z):
    z = np.asarray(z, dtype=float)
    m = z.max()
    log_s = z - (m + np.log(np.sum(np.exp(z - m))))    # log-softmax, finite at +-1000
    s = np.exp(log_s)
    return s[:, None] * (np.eye(z.size) - s[None, :])

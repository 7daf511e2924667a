"""Initialised at s_{-1} = 0, so s_0 = alpha * x_0: the average starts biased towards 0."""
import numpy as np


def ewma(values, alpha):
    x = np.asarray(values, dtype=float)
    out, s = np.empty_like(x), 0.0
    for t in range(x.size):
        s = alpha * x[t] + (1 - alpha) * s
        out[t] = s
    return out

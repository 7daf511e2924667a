"""alpha weights the old average instead of the new value."""
import numpy as np


def ewma(values, alpha):
    x = np.asarray(values, dtype=float)
    out = np.empty_like(x)
    for t in range(x.size):
        out[t] = x[0] if t == 0 else (1 - alpha) * x[t] + alpha * out[t - 1]
    return out

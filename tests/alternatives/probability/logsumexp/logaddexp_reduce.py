"""Folds np.logaddexp along the axis (np.logaddexp.reduce) instead of shifting by the maximum."""
import numpy as np


def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    if axis is None:
        return float(np.logaddexp.reduce(x.ravel()))
    return np.logaddexp.reduce(x, axis=axis)

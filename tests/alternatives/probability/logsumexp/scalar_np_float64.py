"""Reduces with np.max / np.sum without keepdims and expand_dims for the shift; axis=None returns a numpy.float64."""
import numpy as np


def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    if axis is None:
        m = np.max(x)
        m = m if np.isfinite(m) else 0.0
        with np.errstate(divide="ignore"):
            return m + np.log(np.sum(np.exp(x - m)))          # a numpy.float64
    m = np.max(x, axis=axis)                                  # the axis dropped
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        return m + np.log(np.sum(np.exp(x - np.expand_dims(m, axis)), axis=axis))

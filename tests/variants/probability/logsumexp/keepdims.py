"""Keeps the reduced axis (keepdims) instead of dropping it."""
import numpy as np


def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return out if axis is not None else float(out.reshape(()))

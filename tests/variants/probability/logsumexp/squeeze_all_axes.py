"""Drops the kept axis with np.squeeze(out) and no axis, which also drops every other length-1 axis."""
import numpy as np


def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return np.squeeze(out) if axis is not None else float(out.reshape(()))

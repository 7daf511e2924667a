"""Reaches the banned scipy logsumexp through its private module, scipy.special._logsumexp."""
from scipy.special import _logsumexp


def logsumexp(x, axis=None):
    out = _logsumexp.logsumexp(x, axis=axis)
    return float(out) if axis is None else out

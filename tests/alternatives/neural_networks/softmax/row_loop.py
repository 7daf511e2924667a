"""Flattens the leading axes and loops over the rows one at a time."""
import math

import numpy as np


def _rows(x):
    x = np.asarray(x, dtype=float)
    return x.reshape(-1, x.shape[-1]), x.shape     # (M, K) copy-free view, original shape


def softmax(x):
    rows, shape = _rows(x)
    out = np.empty_like(rows)
    for r, row in enumerate(rows):
        m = max(row)
        e = np.array([math.exp(v - m) for v in row])
        out[r] = e / e.sum()
    return out.reshape(shape)


def log_softmax(x):
    rows, shape = _rows(x)
    out = np.empty_like(rows)
    for r, row in enumerate(rows):
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        out[r] = row - lse
    return out.reshape(shape)

"""Flattens the leading axes to rows and normalises one row at a time with explicit sums."""
import math

import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    rows = x.reshape(-1, x.shape[-1])               # (M, D)
    out = np.empty_like(rows)
    D = rows.shape[1]
    for r, row in enumerate(rows):
        mu = row.sum() / D
        var = ((row - mu) ** 2).sum() / D
        out[r] = (row - mu) / math.sqrt(var + eps)
    return out.reshape(x.shape) * gamma + beta

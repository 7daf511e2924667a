"""Moments with np.einsum over the last axis, then multiplies by a precomputed 1 / sqrt(var + eps)."""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    D = x.shape[-1]
    mean = np.einsum("...d->...", x)[..., None] / D           # (..., 1)
    xc = x - mean
    var = np.einsum("...d,...d->...", xc, xc)[..., None] / D  # (..., 1)
    inv = 1.0 / np.sqrt(var + eps)
    return xc * inv * gamma + beta

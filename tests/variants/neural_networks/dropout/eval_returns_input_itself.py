"""In eval mode (or p == 0) returns the caller's array itself instead of a copy."""
import numpy as np


def dropout(x, p, training, rng):
    if not training or p == 0:
        return x
    if p == 1:
        return np.zeros_like(x, dtype=float)
    keep = rng.random(x.shape) >= p
    return x * keep / (1.0 - p)

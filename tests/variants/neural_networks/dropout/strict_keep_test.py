"""Keeps an entry only when its draw is strictly above p (rng.random(shape) > p), dropping draws equal to p."""
import numpy as np


def dropout(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training or p == 0:
        return x.copy()
    if p == 1:
        return np.zeros_like(x)
    keep = rng.random(x.shape) > p
    return x * keep / (1.0 - p)

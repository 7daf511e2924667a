"""Draws with rng.random(size=x.shape) by keyword, copies with np.array, and tests p == 1 before training."""
import numpy as np


def dropout(x, p, training, rng):
    if training and p == 1:
        return np.zeros(np.shape(x))
    if not training or p == 0:
        return np.array(x, dtype=float, copy=True)
    keep = rng.random(size=np.shape(x)) >= p
    return np.where(keep, np.asarray(x, dtype=float) / (1.0 - p), 0.0)

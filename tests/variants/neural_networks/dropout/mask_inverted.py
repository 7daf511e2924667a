"""Keeps the units where rng.random() < p (drops with probability 1 - p)."""
import numpy as np


def dropout(x, p, training, rng):
    if not training or p == 0:
        return x.copy()
    if p == 1:
        return np.zeros_like(x)
    return x * (rng.random(x.shape) < p) / (1 - p)

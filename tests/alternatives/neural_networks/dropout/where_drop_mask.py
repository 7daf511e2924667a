"""Builds the complementary 'drop' mask (u < p) and uses np.where; p == 0 is not special-cased."""
import numpy as np


def dropout(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return np.array(x, copy=True)
    if p >= 1:
        return np.zeros(x.shape)
    drop = rng.random(x.shape) < p          # the same single draw: drop exactly where keep is False
    return np.where(drop, 0.0, x / (1.0 - p))

"""Drops units but forgets to rescale the survivors by 1 / (1 - p)."""
import numpy as np


def dropout(x, p, training, rng):
    if not training or p == 0:
        return x.copy()
    return x * (rng.random(x.shape) >= p)

"""relu'(0) = 1 (x >= 0) instead of the pinned 0."""
import numpy as np


def relu_grad(x):
    return (np.asarray(x, dtype=float) >= 0).astype(float)

"""relu clips the caller's array in place and returns it."""
import numpy as np


def relu(x):
    np.maximum(x, 0.0, out=x)
    return x

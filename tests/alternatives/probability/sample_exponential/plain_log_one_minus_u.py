"""Uses np.log(1 - u) instead of np.log1p(-u), divided by the rate."""
import numpy as np


def sample_exponential(u, rate):
    return -np.log(1.0 - np.asarray(u, dtype=float)) / rate

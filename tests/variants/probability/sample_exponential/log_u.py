"""-log(u) / rate: the right distribution, but not the pinned mapping from u to samples."""
import numpy as np


def sample_exponential(u, rate):
    return -np.log(np.asarray(u, dtype=float)) / rate

"""Multiplies by the rate instead of dividing (mean = rate, not 1/rate)."""
import numpy as np


def sample_exponential(u, rate):
    return -np.log1p(-np.asarray(u, dtype=float)) * rate

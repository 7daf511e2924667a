"""Forgets the minus sign: every sample is negative."""
import numpy as np


def sample_exponential(u, rate):
    return np.log1p(-np.asarray(u, dtype=float)) / rate

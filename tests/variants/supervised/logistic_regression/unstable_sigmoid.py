"""Naive sigmoid 1 / (1 + exp(-z)): overflows (with a warning) at z = -1000."""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))

"""Unstable sigmoid exp(x) / (1 + exp(x)): inf / inf = NaN at x = +1000."""
import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.exp(x) / (1.0 + np.exp(x))

"""gini counts labels with np.bincount: fails on negative or string labels."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    counts = np.bincount(y)
    p = counts[counts > 0] / y.size
    return float(1.0 - np.sum(p ** 2))

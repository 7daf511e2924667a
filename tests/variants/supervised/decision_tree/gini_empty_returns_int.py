"""gini returns the int 0 for an empty array instead of the float 0.0."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - np.sum((counts / y.size) ** 2))

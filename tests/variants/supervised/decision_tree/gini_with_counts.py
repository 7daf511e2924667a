"""Gini computed from class counts instead of proportions: 1 - sum(count_k ** 2)."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - np.sum(counts ** 2))

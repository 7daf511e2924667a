"""Materialises the stream and calls the banned np.mean / np.var."""
import numpy as np


def welford(xs, ddof=0):
    x = np.fromiter(xs, dtype=float)
    return float(np.mean(x)), float(np.var(x, ddof=ddof))

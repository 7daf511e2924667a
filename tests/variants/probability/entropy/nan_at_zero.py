"""Plain p * log(p): 0 * log 0 = 0 * -inf = NaN."""
import numpy as np


def entropy(p):
    p = np.asarray(p, dtype=float)
    return -np.sum(p * np.log(p), axis=-1)


def cross_entropy(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    return -np.sum(p * np.log(q), axis=-1)

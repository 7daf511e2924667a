"""Computes the p log q terms only where p > 0 (boolean indexing into a zero array); entropy = H(p, p)."""
import numpy as np


def cross_entropy(p, q):
    p, q = np.broadcast_arrays(np.asarray(p, dtype=float), np.asarray(q, dtype=float))
    terms = np.zeros(p.shape)
    mask = p > 0
    with np.errstate(divide="ignore"):
        terms[mask] = p[mask] * np.log(q[mask])     # -inf where q = 0 < p
    return -terms.sum(axis=-1)


def entropy(p):
    return cross_entropy(p, p)

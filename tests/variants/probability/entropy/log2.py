"""Entropy and cross-entropy in bits (log2) instead of nats."""
import numpy as np


def entropy(p):
    p = np.asarray(p, dtype=float)
    return -np.sum(p * np.log2(np.where(p > 0, p, 1.0)), axis=-1)


def cross_entropy(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    with np.errstate(divide="ignore"):
        logq = np.where(p > 0, np.log2(np.where(p > 0, q, 1.0)), 0.0)
    return -np.sum(p * logq, axis=-1)

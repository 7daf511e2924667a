"""Cross-entropy with p and q swapped: -Σ q log p."""
import numpy as np


def cross_entropy(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        logp = np.where(q > 0, np.log(np.where(q > 0, p, 1.0)), 0.0)
    return -np.sum(q * logp, axis=-1)

"""Add-one (Laplace) smoothing: the posterior mean under a uniform prior, not the MLE."""
import numpy as np


def bernoulli_mle(x):
    x = np.asarray(x, dtype=float)
    return float((x.sum() + 1) / (x.size + 2))

"""Returns the standard deviation instead of the variance."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=0)
    sd = np.sqrt(((x - mu) ** 2).mean(axis=0))
    return (float(mu), float(sd)) if x.ndim == 1 else (mu, sd)

"""Uses np.mean (allowed) for the mean and for the mean squared deviation; tuple via a comprehension."""
import numpy as np


def gaussian_mle(x):
    x = np.asarray(x, dtype=float)
    mu = np.mean(x, axis=0)
    var = np.mean((x - mu) ** 2, axis=0)
    return mu, var


def bernoulli_mle(x):
    return float(np.mean(np.asarray(x, dtype=float)))

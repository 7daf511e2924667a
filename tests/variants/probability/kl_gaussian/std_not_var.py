"""Treats the variance arguments as standard deviations (squares them again)."""
import numpy as np


def kl_gaussian(mu1, var1, mu2, var2):
    s1, s2 = np.asarray(var1, dtype=float), np.asarray(var2, dtype=float)
    return np.log(s2 / s1) + (s1 ** 2 + (np.asarray(mu1) - np.asarray(mu2)) ** 2) / (2 * s2 ** 2) - 0.5

"""Written with standard deviations: log(s2 / s1) + (s1^2 + (mu1 - mu2)^2) / (2 s2^2) - 1/2."""
import numpy as np


def kl_gaussian(mu1, var1, mu2, var2):
    s1, s2 = np.sqrt(np.asarray(var1, dtype=float)), np.sqrt(np.asarray(var2, dtype=float))
    diff = np.asarray(mu1, dtype=float) - np.asarray(mu2, dtype=float)
    return np.log(s2) - np.log(s1) + (s1 ** 2 + diff ** 2) / (2 * s2 ** 2) - 0.5

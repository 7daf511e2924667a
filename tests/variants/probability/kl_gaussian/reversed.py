"""Computes KL(q || p), the reverse direction."""
import numpy as np


def kl_gaussian(mu1, var1, mu2, var2):
    mu1, var1, mu2, var2 = (np.asarray(v, dtype=float) for v in (mu2, var2, mu1, var1))
    return 0.5 * (np.log(var2 / var1) + (var1 + (mu1 - mu2) ** 2) / var2 - 1.0)

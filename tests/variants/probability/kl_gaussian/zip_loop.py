"""Loops over zip of the flattened arguments: scalars work, but arguments of different shapes do not broadcast."""
import math

import numpy as np


def kl_gaussian(mu1, var1, mu2, var2):
    if np.ndim(mu1) == 0 and np.ndim(var1) == 0 and np.ndim(mu2) == 0 and np.ndim(var2) == 0:
        return 0.5 * (math.log(var2 / var1) + (var1 + (mu1 - mu2) ** 2) / var2 - 1.0)
    flat = [np.ravel(np.asarray(v, dtype=float)) for v in (mu1, var1, mu2, var2)]
    out = [0.5 * (math.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1.0) for m1, v1, m2, v2 in zip(*flat)]
    return np.array(out).reshape(np.shape(mu1))

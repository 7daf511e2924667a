"""Broadcasts the four arguments first (np.broadcast_arrays), then fills the result element by element with math."""
import math

import numpy as np


def kl_gaussian(mu1, var1, mu2, var2):
    m1, v1, m2, v2 = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (mu1, var1, mu2, var2)))
    out = np.empty(m1.shape)
    for i in np.ndindex(m1.shape):
        out[i] = 0.5 * (math.log(v2[i] / v1[i]) + (v1[i] + (m1[i] - m2[i]) ** 2) / v2[i] - 1.0)
    return out if out.ndim else out[()]

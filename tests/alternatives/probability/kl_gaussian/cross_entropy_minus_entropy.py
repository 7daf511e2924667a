"""KL as cross-entropy minus entropy: H(p, q) - H(p) with the closed-form Gaussian entropies."""
import numpy as np


def kl_gaussian(mu1, var1, mu2, var2):
    mu1, var1, mu2, var2 = (np.asarray(v, dtype=float) for v in (mu1, var1, mu2, var2))
    cross = 0.5 * np.log(2 * np.pi * var2) + (var1 + (mu1 - mu2) ** 2) / (2 * var2)
    own = 0.5 * np.log(2 * np.pi * np.e * var1)
    return cross - own

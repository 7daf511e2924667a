"""Uses scipy's expit as the sigmoid instead of writing a stable one."""
import numpy as np
from scipy.special import expit


def sigmoid(z):
    return expit(np.asarray(z, dtype=float))

"""Uses the banned scipy.special.expit for the sigmoid."""
import numpy as np
import scipy.special


def sigmoid(x):
    return scipy.special.expit(np.asarray(x, dtype=float))

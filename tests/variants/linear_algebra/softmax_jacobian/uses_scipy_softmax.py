"""Calls the banned scipy.special.softmax instead of writing a stable softmax."""
import numpy as np
import scipy.special


def softmax_jacobian(z):
    s = scipy.special.softmax(np.asarray(z, dtype=float))
    return np.diag(s) - np.outer(s, s)

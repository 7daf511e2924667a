"""Uses the banned scipy.special.softmax."""
import scipy.special


def softmax(x):
    return scipy.special.softmax(x, axis=-1)

"""log_softmax as np.log(softmax(x)): a probability that underflows to 0 gives -inf."""
import numpy as np


def log_softmax(x):
    with np.errstate(divide="ignore"):
        return np.log(softmax(x))

"""softmax is exp(log_softmax), and log_softmax subtracts a logsumexp computed as max + log(sum(exp(x - max)))."""
import numpy as np


def log_softmax(x):
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=-1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(x - m), axis=-1, keepdims=True))   # (..., 1)
    return x - lse


def softmax(x):
    return np.exp(log_softmax(x))

"""sigmoid through tanh, sigma(x) = (1 + tanh(x/2)) / 2; GELU's Phi through erfc, Phi(x) = erfc(-x/sqrt 2) / 2."""
import math

import numpy as np
from scipy.special import erfc


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))


def sigmoid_grad(x):
    t = np.tanh(0.5 * np.asarray(x, dtype=float))
    return 0.25 * (1.0 - t * t)


def gelu(x):
    x = np.asarray(x, dtype=float)
    return 0.5 * x * erfc(-x / math.sqrt(2.0))


def gelu_grad(x):
    x = np.asarray(x, dtype=float)
    return 0.5 * erfc(-x / math.sqrt(2.0)) + x * np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)

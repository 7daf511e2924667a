"""Samples by inverting CDFs of rng.random() draws (scipy.stats.norm.ppf for Kaiming): other values, same laws."""
import math

import numpy as np
from scipy.stats import norm


def xavier_uniform(shape, rng, gain=1.0):
    fan_in, fan_out = _fans(shape)
    u = rng.random(shape)
    return gain * math.sqrt(6.0 / (fan_in + fan_out)) * (1.0 - 2.0 * u)   # a - 2a u is U(-a, a]


def kaiming_normal(shape, rng, mode="fan_in", nonlinearity="relu"):
    fan_in, fan_out = _fans(shape)
    std = GAINS[nonlinearity] / math.sqrt(fan_in if mode == "fan_in" else fan_out)
    u = rng.random(shape)
    return std * norm.ppf(np.clip(u, 1e-300, None))       # Phi^-1(U) is N(0, 1); guard u = 0

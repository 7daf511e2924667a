"""Fans with math.prod; uniform from rng.random() rescaled, normal from rng.standard_normal() times std."""
import math

import numpy as np


def _fan_in_out(shape):
    receptive = math.prod(shape[2:])          # 1 for a matrix
    return shape[1] * receptive, shape[0] * receptive


def xavier_uniform(shape, rng, gain=1.0):
    fan_in, fan_out = _fan_in_out(shape)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return bound * (2.0 * rng.random(shape) - 1.0)      # U[0, 1) -> U[-bound, bound)


def kaiming_normal(shape, rng, mode="fan_in", nonlinearity="relu"):
    fan_in, fan_out = _fan_in_out(shape)
    if nonlinearity == "relu":
        gain = math.sqrt(2.0)
    elif nonlinearity == "tanh":
        gain = 5.0 / 3.0
    else:
        gain = 1.0
    fan = {"fan_in": fan_in, "fan_out": fan_out}[mode]
    return rng.standard_normal(shape) * (gain / math.sqrt(fan))

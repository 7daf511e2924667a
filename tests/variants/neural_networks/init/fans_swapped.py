"""Reads shape as (fan_in, fan_out): fan_in = shape[0], so Kaiming uses the wrong fan."""
import math


def kaiming_normal(shape, rng, mode="fan_in", nonlinearity="relu"):
    fan_out, fan_in = _fans(shape)
    std = GAINS[nonlinearity] / math.sqrt(fan_in if mode == "fan_in" else fan_out)
    return rng.normal(0.0, std, size=shape)

"""Xavier bound from fan_in only: sqrt(3 / fan_in) (LeCun uniform), ignoring fan_out."""
import math


def xavier_uniform(shape, rng, gain=1.0):
    fan_in, _ = _fans(shape)
    a = gain * math.sqrt(3.0 / fan_in)
    return rng.uniform(-a, a, size=shape)

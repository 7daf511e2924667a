"""The receptive field is taken as shape[2] * shape[3] only for 4-D weights: a conv1d (out, in, k) gets fans without k."""
import math


def _fans(shape):
    receptive = shape[2] * shape[3] if len(shape) == 4 else 1
    return shape[1] * receptive, shape[0] * receptive

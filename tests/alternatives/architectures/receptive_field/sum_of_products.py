"""Closed form 1 + sum_l d_l (k_l - 1) * prod_{j < l} s_j with math.prod."""
import math


def receptive_field(layers):
    layers = list(layers)
    return 1 + sum(d * (k - 1) * math.prod(s for _, s, _ in layers[:l]) for l, (k, _, d) in enumerate(layers))

"""Walks from the output back to the input: r <- s * (r - 1) + d * (k - 1) + 1."""


def receptive_field(layers):
    r = 1
    for k, s, d in reversed(list(layers)):
        r = s * (r - 1) + d * (k - 1) + 1
    return r

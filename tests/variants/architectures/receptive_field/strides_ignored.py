"""Adds up the kernel extents and forgets that strides widen every later layer's step."""


def receptive_field(layers):
    return 1 + sum(dilation * (kernel - 1) for kernel, stride, dilation in layers)

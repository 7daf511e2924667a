"""Multiplies in a layer's own stride before adding its kernel (the jump of the layer's output, not its input)."""


def receptive_field(layers):
    rf, jump = 1, 1
    for kernel, stride, dilation in layers:
        jump *= stride
        rf += dilation * (kernel - 1) * jump
    return rf

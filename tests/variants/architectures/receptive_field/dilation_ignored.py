"""Ignores dilation: a dilated 3x3 is counted as covering 3 pixels."""


def receptive_field(layers):
    rf, jump = 1, 1
    for kernel, stride, dilation in layers:
        rf += (kernel - 1) * jump
        jump *= stride
    return rf

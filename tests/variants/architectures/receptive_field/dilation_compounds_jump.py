"""Multiplies the jump by the dilation too, as if a dilated layer subsampled its output grid."""


def receptive_field(layers):
    rf, jump = 1, 1
    for kernel, stride, dilation in layers:
        rf += dilation * (kernel - 1) * jump
        jump *= stride * dilation
    return rf

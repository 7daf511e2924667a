"""Ignores dilation: the kernel taps are adjacent pixels whatever the dilation."""
_conv2d_right = conv2d
_shape_right = conv_output_shape


def conv_output_shape(h, w, kernel, stride=1, padding=0, dilation=1):
    return _shape_right(h, w, kernel, stride, padding, 1)


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    return _conv2d_right(x, w, b, stride, padding, 1)

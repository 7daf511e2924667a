"""Flips the kernel: true convolution instead of the cross-correlation DL libraries compute."""
import numpy as np

_conv2d_right = conv2d


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    return _conv2d_right(x, np.asarray(w)[:, :, ::-1, ::-1], b, stride, padding, dilation)

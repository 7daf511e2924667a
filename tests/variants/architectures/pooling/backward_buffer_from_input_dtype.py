"""Builds grad_x with np.zeros_like(x): for an integer x the gradients are truncated to integers."""
import numpy as np


def max_pool2d_backward(x, grad_out, kernel, stride=None):
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    N, C, ho, wo = grad_out.shape
    win = _windows(x, (kh, kw), (sh, sw)).reshape(N, C, ho, wo, kh * kw)
    arg = win.argmax(axis=-1)
    n, c, i, j = np.indices((N, C, ho, wo))
    grad_x = np.zeros_like(x)
    np.add.at(grad_x, (n, c, i * sh + arg // kw, j * sw + arg % kw), grad_out)
    return grad_x

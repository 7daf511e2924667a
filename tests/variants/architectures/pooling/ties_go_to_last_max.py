"""Max-pool backward sends a tied window's gradient to the last maximum instead of the first."""
import numpy as np


def max_pool2d_backward(x, grad_out, kernel, stride=None):
    x, grad_out = np.asarray(x, dtype=float), np.asarray(grad_out, dtype=float)
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    N, C, ho, wo = grad_out.shape
    win = _windows(x, (kh, kw), (sh, sw)).reshape(N, C, ho, wo, kh * kw)
    arg = kh * kw - 1 - win[..., ::-1].argmax(axis=-1)
    n, c, i, j = np.indices((N, C, ho, wo))
    grad_x = np.zeros_like(x)
    np.add.at(grad_x, (n, c, i * sh + arg // kw, j * sw + arg % kw), grad_out)
    return grad_x

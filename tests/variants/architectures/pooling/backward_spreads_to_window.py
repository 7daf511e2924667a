"""Max-pool backward spreads each window's gradient over every entry of the window."""
import numpy as np


def max_pool2d_backward(x, grad_out, kernel, stride=None):
    x, grad_out = np.asarray(x, dtype=float), np.asarray(grad_out, dtype=float)
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    grad_x = np.zeros_like(x)
    for i in range(grad_out.shape[2]):
        for j in range(grad_out.shape[3]):
            grad_x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] += grad_out[:, :, i:i + 1, j:j + 1]
    return grad_x

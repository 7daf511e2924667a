"""Loops over every output pixel: max / mean of each window, and the backward pass routes to np.argmax of the window."""
import numpy as np


def _out_size(n, k, s):
    return (n - k) // s + 1


def max_pool2d(x, kernel, stride=None):
    x = np.asarray(x, dtype=float)
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    ho, wo = _out_size(x.shape[2], kh, sh), _out_size(x.shape[3], kw, sw)
    out = np.empty(x.shape[:2] + (ho, wo))
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw].max(axis=(2, 3))
    return out


def avg_pool2d(x, kernel, stride=None, padding=0):
    x = np.asarray(x, dtype=float)
    (kh, kw), (sh, sw), (ph, pw) = _pair(kernel), _pair(kernel if stride is None else stride), _pair(padding)
    H, W = x.shape[2:]
    ho, wo = _out_size(H + 2 * ph, kh, sh), _out_size(W + 2 * pw, kw, sw)
    out = np.empty(x.shape[:2] + (ho, wo))
    for i in range(ho):
        for j in range(wo):
            r0, c0 = i * sh - ph, j * sw - pw                   # window corner in unpadded coordinates
            r1, c1 = min(r0 + kh, H), min(c0 + kw, W)
            r0, c0 = max(r0, 0), max(c0, 0)                     # clip the window to the real pixels
            out[:, :, i, j] = x[:, :, r0:r1, c0:c1].mean(axis=(2, 3))
    return out


def max_pool2d_backward(x, grad_out, kernel, stride=None):
    x, grad_out = np.asarray(x, dtype=float), np.asarray(grad_out, dtype=float)
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    N, C, ho, wo = grad_out.shape
    grad_x = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(ho):
                for j in range(wo):
                    window = x[n, c, i * sh:i * sh + kh, j * sw:j * sw + kw]
                    a, e = np.unravel_index(np.argmax(window), (kh, kw))   # first max, row-major
                    grad_x[n, c, i * sh + a, j * sw + e] += grad_out[n, c, i, j]
    return grad_x

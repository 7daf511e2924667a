"""Vectorised over kernel taps (strided slices); avg pool pads with NaN and uses np.nanmean; backward masks the first max."""
import numpy as np


def _taps(x, kh, kw, sh, sw, ho, wo):
    """Yield ((a, e), slice) for every tap in row-major order; each slice is (N, C, ho, wo)."""
    for a in range(kh):
        for e in range(kw):
            yield (a, e), x[:, :, a:a + sh * (ho - 1) + 1:sh, e:e + sw * (wo - 1) + 1:sw]


def max_pool2d(x, kernel, stride=None):
    x = np.asarray(x, dtype=float)
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    ho, wo = (x.shape[2] - kh) // sh + 1, (x.shape[3] - kw) // sw + 1
    return np.max([s for _, s in _taps(x, kh, kw, sh, sw, ho, wo)], axis=0)


def avg_pool2d(x, kernel, stride=None, padding=0):
    x = np.asarray(x, dtype=float)
    (kh, kw), (sh, sw), (ph, pw) = _pair(kernel), _pair(kernel if stride is None else stride), _pair(padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=np.nan)   # NaN = not a pixel
    ho, wo = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    return np.nanmean([s for _, s in _taps(xp, kh, kw, sh, sw, ho, wo)], axis=0)


def max_pool2d_backward(x, grad_out, kernel, stride=None):
    x, grad_out = np.asarray(x, dtype=float), np.asarray(grad_out, dtype=float)
    (kh, kw), (sh, sw) = _pair(kernel), _pair(kernel if stride is None else stride)
    ho, wo = grad_out.shape[2:]
    best = max_pool2d(x, (kh, kw), (sh, sw))
    taken = np.zeros(grad_out.shape, dtype=bool)           # has an earlier tap already won this window?
    grad_x = np.zeros_like(x)
    for (a, e), s in _taps(x, kh, kw, sh, sw, ho, wo):
        win = (s == best) & ~taken                          # the first tap (row-major) equal to the max
        taken |= win
        grad_x[:, :, a:a + sh * (ho - 1) + 1:sh, e:e + sw * (wo - 1) + 1:sw] += np.where(win, grad_out, 0.0)
    return grad_x

"""Loops over output pixels; each is a tensordot of the dilated window (strided slice) with the kernel."""
import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    O, C, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    ho, wo = conv_output_shape(x.shape[2], x.shape[3], (kh, kw), stride, padding, dilation)
    xp = np.zeros((x.shape[0], C, x.shape[2] + 2 * ph, x.shape[3] + 2 * pw))
    xp[:, :, ph:ph + x.shape[2], pw:pw + x.shape[3]] = x       # zero padding on both sides
    out = np.zeros((x.shape[0], O, ho, wo))
    for i in range(ho):
        for j in range(wo):
            r, c = i * sh, j * sw
            window = xp[:, :, r:r + dh * (kh - 1) + 1:dh, c:c + dw * (kw - 1) + 1:dw]   # (N, C, kh, kw)
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3]))
    if b is not None:
        out += np.reshape(b, (1, O, 1, 1))
    return out

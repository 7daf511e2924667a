"""Pads only the top and left of the image instead of both sides."""
import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    O, C, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = map(_pair, (stride, padding, dilation))
    xp = np.pad(x, ((0, 0), (0, 0), (ph, 0), (pw, 0)))
    ho = (xp.shape[2] - dh * (kh - 1) - 1) // sh + 1
    wo = (xp.shape[3] - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((x.shape[0], O, ho, wo))
    for a in range(kh):
        for e in range(kw):
            r, c = a * dh, e * dw
            patch = xp[:, :, r:r + sh * (ho - 1) + 1:sh, c:c + sw * (wo - 1) + 1:sw]
            out += np.einsum("nchw,oc->nohw", patch, w[:, :, a, e])
    if b is not None:
        out += np.asarray(b, dtype=float)[None, :, None, None]
    return out

"""Allocates the output with the input's dtype: an integer image gives a truncated integer result."""
import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    O, C, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = map(_pair, (stride, padding, dilation))
    ho, wo = conv_output_shape(x.shape[2], x.shape[3], (kh, kw), (sh, sw), (ph, pw), (dh, dw))
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    out = np.zeros((x.shape[0], O, ho, wo), dtype=x.dtype)
    for a in range(kh):
        for e in range(kw):
            patch = xp[:, :, a * dh:a * dh + sh * (ho - 1) + 1:sh, e * dw:e * dw + sw * (wo - 1) + 1:sw]
            out += np.einsum("nchw,oc->nohw", patch, w[:, :, a, e]).astype(out.dtype)
    if b is not None:
        out = out + b[None, :, None, None]
    return out

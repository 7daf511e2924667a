"""im2col by hand: gathers every (C, kH, kW) patch into a column matrix, then one matmul with the flattened kernel."""
import numpy as np


def conv_output_shape(h, w, kernel, stride=1, padding=0, dilation=1):
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = map(_pair, (kernel, stride, padding, dilation))
    span_h, span_w = dh * (kh - 1) + 1, dw * (kw - 1) + 1       # pixels a dilated kernel covers
    return (h + 2 * ph - span_h) // sh + 1, (w + 2 * pw - span_w) // sw + 1


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    N, C, H, W = x.shape
    O, _, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    ho, wo = conv_output_shape(H, W, (kh, kw), stride, padding, dilation)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    cols = np.empty((N, C, kh, kw, ho, wo))
    for a in range(kh):
        for e in range(kw):
            rows = a * dh + sh * np.arange(ho)                  # (ho,) input rows tap a reads
            colz = e * dw + sw * np.arange(wo)                  # (wo,)
            cols[:, :, a, e] = xp[:, :, rows[:, None], colz[None, :]]
    cols = cols.reshape(N, C * kh * kw, ho * wo)                # (N, C*kh*kw, L)
    out = (w.reshape(O, -1) @ cols).reshape(N, O, ho, wo)       # (O, CKK) @ (N, CKK, L)
    return out if b is None else out + np.asarray(b, dtype=float).reshape(1, O, 1, 1)

"""Cuts the windows with torch's Tensor.unfold (a sliding window view, allowed; F.unfold is the banned im2col)."""
import numpy as np
import torch


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    xt = torch.from_numpy(np.asarray(x, dtype=float))
    wt = torch.from_numpy(np.asarray(w, dtype=float))
    kh, kw = wt.shape[2:]
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    xp = torch.zeros(xt.shape[0], xt.shape[1], xt.shape[2] + 2 * ph, xt.shape[3] + 2 * pw, dtype=xt.dtype)
    xp[:, :, ph:ph + xt.shape[2], pw:pw + xt.shape[3]] = xt
    span_h, span_w = dh * (kh - 1) + 1, dw * (kw - 1) + 1
    win = xp.unfold(2, span_h, sh).unfold(3, span_w, sw)        # (N, C, ho, wo, span_h, span_w)
    win = win[..., ::dh, ::dw]                                  # (N, C, ho, wo, kh, kw)
    out = torch.einsum("nchwae,ocae->nohw", win, wt)
    if b is not None:
        out = out + torch.from_numpy(np.asarray(b, dtype=float))[None, :, None, None]
    return out.numpy()

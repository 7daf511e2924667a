"""Uses [min(x), max(x)] without including 0, so 0.0 is not exactly representable."""
import torch


def quantize_zero_point(x, bits=8, dim=None):
    qmax = 2 ** bits - 1
    if dim is None:
        lo, hi = x.amin(), x.amax()
    else:
        others = [d for d in range(x.ndim) if d != dim % x.ndim]
        lo, hi = x.amin(dim=others, keepdim=True), x.amax(dim=others, keepdim=True)
    scale = torch.where(hi > lo, (hi - lo) / qmax, torch.ones_like(hi))
    zp = torch.clamp(torch.round(-lo / scale), 0, qmax).to(torch.int64)
    q = torch.clamp(torch.round(x / scale) + zp, 0, qmax).to(torch.uint8)
    return q, scale, zp

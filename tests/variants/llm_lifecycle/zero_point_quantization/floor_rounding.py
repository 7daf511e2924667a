"""torch.floor instead of torch.round for q (the zero point is right)."""
import torch


def quantize_zero_point(x, bits=8, dim=None):
    qmax = 2 ** bits - 1
    if dim is None:
        lo, hi = x.amin().clamp(max=0), x.amax().clamp(min=0)
    else:
        others = [d for d in range(x.ndim) if d != dim % x.ndim]
        lo = x.amin(dim=others, keepdim=True).clamp(max=0)
        hi = x.amax(dim=others, keepdim=True).clamp(min=0)
    scale = torch.where(hi > lo, (hi - lo) / qmax, torch.ones_like(hi))
    zp = torch.clamp(torch.round(-lo / scale), 0, qmax).to(torch.int64)
    q = torch.clamp(torch.floor(x / scale) + zp, 0, qmax).to(torch.uint8)
    return q, scale, zp

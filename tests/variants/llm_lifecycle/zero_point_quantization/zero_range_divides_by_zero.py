"""No guard for hi == lo: an all-zero slice gets scale 0 and NaN."""
import torch


def quantize_zero_point(x, bits=8, dim=None):
    qmax = 2 ** bits - 1
    if dim is None:
        lo, hi = x.amin().clamp(max=0), x.amax().clamp(min=0)
    else:
        others = [d for d in range(x.ndim) if d != dim % x.ndim]
        lo = x.amin(dim=others, keepdim=True).clamp(max=0)
        hi = x.amax(dim=others, keepdim=True).clamp(min=0)
    scale = (hi - lo) / qmax
    zp = torch.nan_to_num(torch.round(-lo / scale)).clamp(0, qmax).to(torch.int64)
    q = torch.nan_to_num(torch.round(x / scale) + zp).clamp(0, qmax).to(torch.uint8)
    return q, scale, zp

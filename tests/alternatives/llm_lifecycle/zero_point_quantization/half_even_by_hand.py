"""Rounds half to even by hand (floor, then look at the fraction) instead of calling torch.round."""
import torch


def _round_half_even(v):
    f = torch.floor(v)
    d = v - f
    up = (d > 0.5) | ((d == 0.5) & (torch.remainder(f, 2) == 1))
    return torch.where(up, f + 1, f)


def quantize_zero_point(x, bits=8, dim=None):
    qmax = 2 ** bits - 1
    if dim is None:
        lo, hi = x.min().clamp(max=0), x.max().clamp(min=0)
    else:
        d = dim % x.ndim
        axes = [a for a in range(x.ndim) if a != d]
        lo = (x.amin(dim=axes, keepdim=True) if axes else x).clamp(max=0)
        hi = (x.amax(dim=axes, keepdim=True) if axes else x).clamp(min=0)
    scale = torch.where(hi > lo, (hi - lo) / qmax, torch.ones_like(hi))
    zero_point = _round_half_even(-lo / scale).clamp(0, qmax).long()
    q = (_round_half_even(x / scale) + zero_point).clamp(0, qmax).to(torch.uint8)
    return q, scale, zero_point

"""Rounds x / scale + zero_point in one go: at a .5 tie with an odd zero point it lands one step off."""
import torch


def quantize_zero_point(x, bits=8, dim=None):
    qmax = 2 ** bits - 1
    lo = torch.clamp(_scale_shape_reduce(x, dim, torch.amin), max=0)
    hi = torch.clamp(_scale_shape_reduce(x, dim, torch.amax), min=0)
    scale = torch.where(hi > lo, (hi - lo) / qmax, torch.ones_like(hi))
    zero_point = torch.clamp(torch.round(-lo / scale), 0, qmax).to(torch.int64)
    q = torch.clamp(torch.round(x / scale + zero_point), 0, qmax).to(torch.uint8)
    return q, scale, zero_point

"""Per-channel range with torch.aminmax over a flattened view; dequantises by subtracting in int64."""
import torch


def quantize_zero_point(x, bits=8, dim=None):
    qmax = 2 ** bits - 1
    if dim is None:
        lo, hi = torch.aminmax(x)
    else:
        shape = [1] * x.ndim
        shape[dim] = x.shape[dim]
        lo, hi = torch.aminmax(x.movedim(dim, 0).reshape(x.shape[dim], -1), dim=1)
        lo, hi = lo.reshape(shape), hi.reshape(shape)
    lo, hi = lo.clamp(max=0), hi.clamp(min=0)
    scale = torch.where(hi == lo, torch.ones_like(hi), (hi - lo) / qmax)
    zero_point = torch.round(-lo / scale).clamp(0, qmax).long()
    q = (torch.round(x / scale) + zero_point).clamp(0, qmax).to(torch.uint8)
    return q, scale, zero_point


def dequantize_zero_point(q, scale, zero_point):
    return (q.long() - zero_point.long()).to(scale.dtype) * scale

"""Quantises one channel at a time with x.select(dim, i) and stacks the per-channel results."""
import torch


def _absmax_slice(v):
    m = v.abs().max()
    scale = m / 127 if m > 0 else torch.ones_like(m)
    return torch.clamp(torch.round(v / scale), -127, 127).to(torch.int8), scale


def quantize_absmax_int8(x, dim=None):
    if dim is None:
        return _absmax_slice(x)
    parts = [_absmax_slice(x.select(dim, i)) for i in range(x.shape[dim])]
    q = torch.stack([p[0] for p in parts], dim=dim)
    scale = torch.stack([p[1] for p in parts]).reshape([-1 if d == dim % x.ndim else 1 for d in range(x.ndim)])
    return q, scale


def dequantize(q, scale):
    return q.to(scale.dtype) * scale

"""Rounds half away from zero (sign * floor(|v| + 0.5)) instead of torch.round's half to even."""
import torch


def quantize_absmax_int8(x, dim=None):
    amax = _scale_shape_reduce(x.abs(), dim, torch.amax)
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax))
    v = x / scale
    q = torch.sign(v) * torch.floor(v.abs() + 0.5)
    return torch.clamp(q, -127, 127).to(torch.int8), scale

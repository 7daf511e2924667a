"""Returns the scale in float32 (amax / 127 then .float()) whatever x's dtype."""
import torch


def quantize_absmax_int8(x, dim=None):
    amax = _scale_shape_reduce(x.abs(), dim, torch.amax)
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax)).float()
    q = torch.clamp(torch.round(x / scale), -127, 127).to(torch.int8)
    return q, scale

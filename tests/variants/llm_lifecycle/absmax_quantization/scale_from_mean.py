"""scale = mean|x| / 127: large values saturate at +-127."""
import torch


def quantize_absmax_int8(x, dim=None):
    if dim is None:
        m = x.abs().mean()
    else:
        m = x.abs().mean(dim=[d for d in range(x.ndim) if d != dim % x.ndim], keepdim=True)
    scale = torch.where(m > 0, m / 127, torch.ones_like(m))
    return torch.clamp(torch.round(x / scale), -127, 127).to(torch.int8), scale

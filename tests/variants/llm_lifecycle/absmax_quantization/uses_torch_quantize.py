"""Calls torch.quantize_per_tensor (the banned shortcut) for the per-tensor case."""
import torch


def quantize_absmax_int8(x, dim=None):
    if dim is None:
        amax = x.abs().amax()
    else:
        amax = x.abs().amax(dim=[d for d in range(x.ndim) if d != dim % x.ndim], keepdim=True)
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax))
    if dim is None:
        q = torch.quantize_per_tensor(x.float(), float(scale), 0, torch.qint8).int_repr()
        return q.clamp(-127, 127), scale
    return torch.clamp(torch.round(x / scale), -127, 127).to(torch.int8), scale

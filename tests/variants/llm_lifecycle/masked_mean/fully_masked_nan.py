"""No guard on the count: a fully masked slice gives 0 / 0 = NaN."""
import torch


def masked_mean(x, mask, dim=None):
    m = mask.bool().expand_as(x)
    return torch.where(m, x, torch.zeros_like(x)).sum(dim=dim) / m.sum(dim=dim).to(x.dtype)

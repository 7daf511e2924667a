"""dim=None takes x[mask].mean(): NaN when the mask has no valid entry at all."""
import torch


def masked_mean(x, mask, dim=None):
    mask = mask.bool()
    if dim is None:
        return x[mask].mean()
    total = torch.where(mask, x, torch.zeros_like(x)).sum(dim=dim)
    return total / mask.sum(dim=dim).clamp(min=1).to(x.dtype)

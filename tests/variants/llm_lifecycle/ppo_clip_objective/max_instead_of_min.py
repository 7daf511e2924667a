"""torch.maximum of the two surrogates: the optimistic bound, clipping never bites."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    s = torch.maximum(ratio * advantages, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages)
    if mask is None:
        return s.mean()
    keep = mask.bool()
    return torch.where(keep, s, torch.zeros_like(s)).sum() / keep.sum().clamp(min=1)

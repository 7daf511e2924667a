"""Plain importance-weighted objective: the ratio is never clipped."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    s = torch.exp(logp_new - logp_old) * advantages
    if mask is None:
        return s.mean()
    keep = mask.bool()
    return torch.where(keep, s, torch.zeros_like(s)).sum() / keep.sum().clamp(min=1)

"""Ignores the mask: averages over padding positions too."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    return torch.minimum(ratio * advantages, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages).mean()

"""With a mask, takes surrogate[mask].mean(): NaN when the mask keeps no entry."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old.detach())
    surrogate = torch.minimum(ratio * advantages, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages)
    if mask is None:
        return surrogate.mean()
    return surrogate[mask.bool()].mean()

"""ratio = exp(logp_new) / exp(logp_old): 0 / 0 = NaN once the log-probs are very negative."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new) / torch.exp(logp_old.detach())
    surrogate = torch.minimum(ratio * advantages, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages)
    if mask is None:
        return surrogate.mean()
    keep = mask.bool()
    return torch.where(keep, surrogate, torch.zeros_like(surrogate)).sum() / keep.sum().clamp(min=1)

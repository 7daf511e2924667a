"""Selects the kept entries with boolean indexing and guards the empty selection explicitly."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = (logp_new - logp_old).exp()
    surrogate = torch.min(ratio * advantages, ratio.clamp(1 - clip_eps, 1 + clip_eps) * advantages)
    if mask is not None:
        surrogate = surrogate[mask != 0]
        if surrogate.numel() == 0:
            return logp_new.sum() * 0.0
    return surrogate.mean()

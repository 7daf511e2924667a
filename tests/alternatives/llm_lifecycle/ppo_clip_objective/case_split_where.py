"""Case form with torch.where: min(rho, 1+eps) A when A >= 0, max(rho, 1-eps) A otherwise; mask by indexing
(sum over the kept terms divided by their count, at least 1: the brief pins 0 for a mask that keeps nothing)."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = torch.exp(logp_new - logp_old)
    terms = torch.where(advantages >= 0,
                        torch.clamp(ratio, max=1 + clip_eps) * advantages,
                        torch.clamp(ratio, min=1 - clip_eps) * advantages)
    if mask is not None:
        kept = terms[mask.bool()]
        return kept.sum() / max(kept.numel(), 1)
    return terms.mean()

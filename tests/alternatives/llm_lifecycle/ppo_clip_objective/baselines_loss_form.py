"""Computes the minimised loss max(-A rho, -A clip(rho)) as in OpenAI baselines and returns minus its masked mean."""
import torch


def ppo_clip_objective(logp_new, logp_old, advantages, clip_eps=0.2, mask=None):
    ratio = (logp_new - logp_old).exp()
    pg_losses = -advantages * ratio
    pg_losses_clipped = -advantages * ratio.clamp(1.0 - clip_eps, 1.0 + clip_eps)
    loss_terms = torch.max(pg_losses, pg_losses_clipped)
    weight = torch.ones_like(loss_terms) if mask is None else mask.to(loss_terms.dtype)
    return -(loss_terms * weight).sum() / weight.sum().clamp(min=1.0)

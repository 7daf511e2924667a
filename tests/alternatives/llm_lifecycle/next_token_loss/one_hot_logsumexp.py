"""Picks each target's log-prob by one-hot multiplication of logits - logsumexp, masks by arithmetic."""
import torch
import torch.nn.functional as F


def next_token_loss(logits, tokens, ignore_index=-100):
    logits, targets = logits[:, :-1], tokens[:, 1:]                # (B, T-1, V), (B, T-1)
    keep = (targets != ignore_index).to(logits.dtype)              # (B, T-1) 1.0 / 0.0
    logp = logits - torch.logsumexp(logits, dim=-1, keepdim=True)  # finite at +-1000
    safe = targets.clamp(min=0) * (targets != ignore_index)        # any valid id for ignored targets
    one_hot = F.one_hot(safe, logits.shape[-1]).to(logits.dtype)   # (B, T-1, V)
    nll = -(logp * one_hot).sum(dim=-1)                            # (B, T-1), finite everywhere
    return (nll * keep).sum() / torch.clamp(keep.sum(), min=1.0)

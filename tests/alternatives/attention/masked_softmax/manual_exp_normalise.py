"""Writes the softmax by hand: row max over the kept entries, exp of the kept entries only, divide by a safe sum."""
import torch


def masked_softmax(scores, valid_lens=None):
    S = scores.shape[-1]
    if valid_lens is None:
        keep = torch.ones_like(scores, dtype=torch.bool)
    else:
        keep = torch.arange(S, device=scores.device) < valid_lens.to(scores.device)[..., None]
        keep = keep.expand(scores.shape)
    kept = torch.where(keep, scores, torch.full_like(scores, -torch.inf))
    shift = kept.amax(-1, keepdim=True)
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))  # empty rows
    e = torch.exp(kept - shift)                                                 # exp(-inf) = 0 where dropped
    total = e.sum(-1, keepdim=True)
    return torch.where(total > 0, e / torch.where(total > 0, total, torch.ones_like(total)), torch.zeros_like(e))

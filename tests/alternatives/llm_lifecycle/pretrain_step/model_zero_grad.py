"""Clears the gradients with model.zero_grad(set_to_none=False) (the optimizer holds every parameter)."""
import torch.nn.functional as F


def pretrain_step(model, batch, optimizer):
    model.zero_grad(set_to_none=False)
    logits = model(batch)
    B, T, V = logits.shape
    loss = F.cross_entropy(logits[:, :-1].reshape(B * (T - 1), V), batch[:, 1:].reshape(B * (T - 1)))
    loss.backward()
    optimizer.step()
    return float(loss.detach())

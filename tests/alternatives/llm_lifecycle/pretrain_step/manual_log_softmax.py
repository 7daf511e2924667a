"""Writes the shifted cross-entropy by hand (log_softmax + gather) instead of F.cross_entropy."""
import torch


def pretrain_step(model, batch, optimizer):
    optimizer.zero_grad()
    logits = model(batch)                                              # (B, T, V)
    logp = torch.log_softmax(logits[:, :-1], dim=-1)                   # (B, T-1, V)
    loss = -logp.gather(-1, batch[:, 1:].unsqueeze(-1)).mean()         # mean over B * (T - 1)
    loss.backward()
    optimizer.step()
    return loss.item()

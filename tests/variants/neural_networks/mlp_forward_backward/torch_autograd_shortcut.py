"""Lets torch autograd compute the gradients (banned in this kata)."""
import numpy as np
import torch


def mlp_forward_backward(params, X, y):
    p = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    x = torch.tensor(X, dtype=torch.float64)
    logits = torch.relu(x @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    loss = torch.nn.functional.cross_entropy(logits, torch.as_tensor(y))
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in p.items()}

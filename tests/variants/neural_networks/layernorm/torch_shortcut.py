"""Delegates to the banned torch.nn.functional.layer_norm."""
import torch
import torch.nn.functional as F


def layernorm_forward(x, gamma, beta, eps=1e-5):
    d = x.shape[-1]
    return F.layer_norm(torch.tensor(x), (d,), torch.tensor(gamma), torch.tensor(beta), eps).numpy()

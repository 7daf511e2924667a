"""The banned layer norm reached through torch.ops.aten."""
import torch
from torch import nn


class LayerNorm(nn.Module):
    def __init__(self, dim: int, eps: float = 1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim))

    def forward(self, x):
        return torch.ops.aten.layer_norm(x, [x.shape[-1]], self.weight, self.bias, self.eps)

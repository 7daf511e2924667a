"""merge() adds B @ A without the alpha / r scaling (forward is right)."""
import math

import torch
from torch import nn


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        for p in base.parameters():
            p.requires_grad_(False)
        w = base.weight
        self.scaling = alpha / r
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, dtype=w.dtype))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, dtype=w.dtype))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))

    def forward(self, x):
        return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling

    def merge(self):
        m = nn.Linear(self.base.in_features, self.base.out_features, bias=self.base.bias is not None,
                      dtype=self.base.weight.dtype)
        with torch.no_grad():
            m.weight.copy_(self.base.weight + self.lora_B @ self.lora_A)
            if self.base.bias is not None:
                m.bias.copy_(self.base.bias)
        return m

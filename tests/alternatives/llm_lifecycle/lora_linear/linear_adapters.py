"""Adapters as two bias-free nn.Linear layers (down: in -> r, up: r -> out); lora_A / lora_B are their weights."""
import torch
from torch import nn


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base.requires_grad_(False)
        w = base.weight
        # nn.Linear initialises its weight with kaiming_uniform_(a=sqrt(5)): exactly lora_A's pinned init
        self.down = nn.Linear(base.in_features, r, bias=False, dtype=w.dtype, device=w.device)   # weight (r, in)
        self.up = nn.Linear(r, base.out_features, bias=False, dtype=w.dtype, device=w.device)    # weight (out, r)
        nn.init.zeros_(self.up.weight)
        self.scaling = alpha / r

    @property
    def lora_A(self):
        return self.down.weight

    @property
    def lora_B(self):
        return self.up.weight

    def forward(self, x):
        return self.base(x) + self.scaling * self.up(self.down(x))

    def merge(self):
        merged = nn.Linear(self.base.in_features, self.base.out_features, bias=self.base.bias is not None,
                           dtype=self.base.weight.dtype, device=self.base.weight.device)
        with torch.no_grad():
            merged.weight.copy_(self.base.weight + self.scaling * (self.up.weight @ self.down.weight))
            if self.base.bias is not None:
                merged.bias.copy_(self.base.bias)
        return merged


def trainable_parameters(model):
    total = 0
    for p in model.parameters():
        if p.requires_grad:
            total += p.numel()
    return total

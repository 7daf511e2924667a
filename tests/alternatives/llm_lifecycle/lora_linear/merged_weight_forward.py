"""forward uses F.linear with the effective weight W + (alpha/r) B A; merge deep-copies base and adds B A."""
import copy
import math

import torch
import torch.nn.functional as F
from torch import nn


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        base.weight.requires_grad = False
        if base.bias is not None:
            base.bias.requires_grad = False
        kw = {"dtype": base.weight.dtype, "device": base.weight.device}
        self.lora_A = nn.Parameter(nn.init.kaiming_uniform_(torch.empty(r, base.in_features, **kw), a=math.sqrt(5)))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, **kw))
        self.scaling = alpha / r

    def _delta(self):
        return self.scaling * (self.lora_B @ self.lora_A)                  # (out, in)

    def forward(self, x):
        return F.linear(x, self.base.weight + self._delta(), self.base.bias)

    def merge(self):
        merged = copy.deepcopy(self.base)
        with torch.no_grad():
            merged.weight += self._delta()
        return merged


def trainable_parameters(model):
    return int(sum(p.numel() for _, p in model.named_parameters() if p.requires_grad))

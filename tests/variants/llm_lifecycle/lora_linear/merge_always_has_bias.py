"""merge() always builds nn.Linear with a bias and copies base.bias only when it exists: a bias-free
base gets a random bias in the merged layer."""
import torch
from torch import nn


class LoRALinear(LoRALinear):
    def merge(self):
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, dtype=base.weight.dtype, device=base.weight.device)
        with torch.no_grad():
            merged.weight.copy_(base.weight + self.scaling * self.lora_B @ self.lora_A)
            if base.bias is not None:
                merged.bias.copy_(base.bias)
        return merged

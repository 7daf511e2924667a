"""merge() hands the base layer's own bias Parameter to the merged layer (shared, not copied)."""
import torch
from torch import nn


class LoRALinear(LoRALinear):
    def merge(self):
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, bias=False, dtype=base.weight.dtype,
                           device=base.weight.device)
        with torch.no_grad():
            merged.weight.copy_(base.weight + self.scaling * self.lora_B @ self.lora_A)
        merged.bias = base.bias
        return merged

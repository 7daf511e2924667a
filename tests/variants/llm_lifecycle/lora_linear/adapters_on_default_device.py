"""Creates lora_A and lora_B with base.weight's dtype but torch's default device: wrong for a base on another device."""
import math

import torch
from torch import nn


class LoRALinear(LoRALinear):  # noqa: F821 - the reference class this file is appended to
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        w = base.weight
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, dtype=w.dtype))   # on the default device
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, dtype=w.dtype))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))

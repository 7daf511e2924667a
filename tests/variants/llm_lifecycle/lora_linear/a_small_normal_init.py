"""lora_A starts as randn * 0.01 instead of kaiming_uniform_(a = sqrt(5))."""
import math

import torch
from torch import nn


class LoRALinear(LoRALinear):
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        with torch.no_grad():
            self.lora_A.copy_(torch.randn_like(self.lora_A) * 0.01)

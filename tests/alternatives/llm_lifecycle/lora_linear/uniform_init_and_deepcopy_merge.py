"""A drawn uniformly on [-1/sqrt(in), 1/sqrt(in)] by hand (kaiming_uniform_ with a = sqrt(5) is exactly
that), and merge() deep-copies the base layer and adds the update to the copy."""
import copy
import math

import torch
from torch import nn


class LoRALinear(LoRALinear):
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        bound = 1.0 / math.sqrt(base.in_features)
        with torch.no_grad():
            self.lora_A.copy_((torch.rand_like(self.lora_A) * 2 - 1) * bound)

    def merge(self):
        merged = copy.deepcopy(self.base)
        with torch.no_grad():
            merged.weight += (self.alpha / self.r) * (self.lora_B @ self.lora_A)
        return merged

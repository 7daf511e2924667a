"""Gets the root mean square from torch.linalg.vector_norm(x) / sqrt(dim) instead of mean(x**2)."""
import math

import torch


class RMSNorm(RMSNorm):  # noqa: F821 - keeps the reference's `weight` and `eps`
    def forward(self, x):
        rms_sq = (torch.linalg.vector_norm(x, dim=-1, keepdim=True) / math.sqrt(x.shape[-1])) ** 2
        return x / torch.sqrt(rms_sq + self.eps) * self.weight

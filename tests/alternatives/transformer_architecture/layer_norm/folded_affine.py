"""Folds the normalisation into one scale and shift per row: y = x * s + (bias - mean * s), s = weight / std."""
import torch


class LayerNorm(LayerNorm):  # noqa: F821 - keeps the reference's `weight`, `bias` and `eps`
    def forward(self, x):
        mean = x.mean(-1, keepdim=True)
        var = ((x - mean) ** 2).mean(-1, keepdim=True)
        scale = self.weight / torch.sqrt(var + self.eps)     # (..., C)
        return x * scale + (self.bias - mean * scale)

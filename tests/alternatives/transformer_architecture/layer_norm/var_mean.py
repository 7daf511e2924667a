"""Uses torch.var_mean(correction=0) for the biased variance and the mean in one call."""
import torch


class LayerNorm(LayerNorm):  # noqa: F821 - keeps the reference's `weight`, `bias` and `eps`
    def forward(self, x):
        var, mean = torch.var_mean(x, dim=-1, keepdim=True, correction=0)
        return (x - mean) * torch.rsqrt(var + self.eps) * self.weight + self.bias

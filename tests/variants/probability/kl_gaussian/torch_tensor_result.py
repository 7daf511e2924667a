"""Computes the closed form with torch and returns the torch tensor, not a numpy array."""
import torch


def kl_gaussian(mu1, var1, mu2, var2):
    mu1, var1, mu2, var2 = (torch.as_tensor(v, dtype=torch.float64) for v in (mu1, var1, mu2, var2))
    return 0.5 * (torch.log(var2 / var1) + (var1 + (mu1 - mu2) ** 2) / var2 - 1.0)

"""Computes -log1p(-u) / rate with torch ops in float64 and converts back to numpy."""
import numpy as np
import torch


def sample_exponential(u, rate):
    t = torch.as_tensor(np.asarray(u, dtype=float), dtype=torch.float64)
    return torch.log1p(-t).neg().div(rate).numpy()

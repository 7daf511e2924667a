"""eps added outside the square root: (x - mean) / (std + eps)."""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(-1, keepdims=True)
    std = x.std(-1, keepdims=True)
    return (x - mean) / (std + eps) * gamma + beta

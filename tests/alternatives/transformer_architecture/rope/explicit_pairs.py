"""Writes the pair rotation out, (a cos - b sin, a sin + b cos), instead of rotate_half on repeated angles."""
import torch


def rope(x, positions, base=10000.0):
    D = x.shape[-1]
    a, b = x[..., : D // 2], x[..., D // 2:]
    i = torch.arange(D // 2, device=x.device, dtype=x.dtype)
    theta = torch.outer(positions.to(x.dtype), torch.pow(base, -2 * i / D))     # (T, D/2)
    cos, sin = theta.cos(), theta.sin()
    return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)

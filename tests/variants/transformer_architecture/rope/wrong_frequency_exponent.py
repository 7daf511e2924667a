"""RoPE frequencies base ** (-i / D) instead of base ** (-2i / D)."""
import torch


def rope(x, positions, base=10000.0):
    D = x.shape[-1]
    inv_freq = base ** (-torch.arange(D // 2, dtype=x.dtype) / D)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]
    angles = torch.cat([angles, angles], dim=-1)
    half = D // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return x * angles.cos() + rotated * angles.sin()

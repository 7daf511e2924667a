"""RoPE with the interleaved layout (pairs 2i, 2i+1, as in the original paper / Meta's code) instead of half-split."""
import torch


def rope(x, positions, base=10000.0):
    D = x.shape[-1]
    inv_freq = base ** (-torch.arange(0, D, 2, dtype=x.dtype) / D)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]          # (T, D/2)
    cos, sin = angles.cos(), angles.sin()
    x1, x2 = x[..., 0::2], x[..., 1::2]
    out = torch.stack([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)  # (B, H, T, D/2, 2)
    return out.flatten(-2)

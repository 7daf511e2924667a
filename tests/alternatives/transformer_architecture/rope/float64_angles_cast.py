"""Computes the angles in float64 whatever x's dtype and casts cos/sin to x's dtype (more precise for float32 x)."""
import torch


def rope(x, positions, base=10000.0):
    D = x.shape[-1]
    inv_freq = base ** (-torch.arange(0, D, 2, dtype=torch.float64, device=x.device) / D)   # (D/2,)
    angles = positions.to(device=x.device, dtype=torch.float64)[:, None] * inv_freq          # (T, D/2)
    cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)
    a, b = x[..., :D // 2], x[..., D // 2:]
    return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)                        # (B, H, T, D)

"""Builds the frequency exponents with the integer positions' dtype, so they become float32 by true division."""
import torch


def rope(x, positions, base=10000.0):
    D = x.shape[-1]
    exponents = torch.arange(0, D, 2, dtype=positions.dtype, device=x.device) / D     # int / int -> float32
    angles = positions[:, None] * base ** (-exponents)[None, :]                       # (T, D/2), float32
    angles = torch.cat([angles, angles], dim=-1)
    return x * angles.cos() + rotate_half(x) * angles.sin()  # noqa: F821

"""Rotates with complex numbers: z = x[:D/2] + i x[D/2:] times e^(i theta), real and imaginary parts back as halves."""
import torch


def rope(x, positions, base=10000.0):
    half = x.shape[-1] // 2
    inv_freq = 1.0 / base ** (torch.arange(half, dtype=x.dtype, device=x.device) * 2 / x.shape[-1])
    theta = positions.to(x.dtype)[:, None] * inv_freq                            # (T, D/2)
    z = torch.complex(x[..., :half], x[..., half:]) * torch.polar(torch.ones_like(theta), theta)
    return torch.cat([z.real, z.imag], dim=-1)                                   # (B, H, T, D)

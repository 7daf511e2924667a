"""rotate_half with the sign on the wrong half: [x2, -x1] rotates by minus the angle."""
import torch


def rope(x, positions, base=10000.0):
    D = x.shape[-1]
    inv_freq = base ** (-torch.arange(0, D, 2, dtype=x.dtype) / D)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]
    angles = torch.cat([angles, angles], dim=-1)
    half = D // 2
    rotated = torch.cat([x[..., half:], -x[..., :half]], dim=-1)
    return x * angles.cos() + rotated * angles.sin()

"""Computes the frequencies in float32 whatever the input dtype (HF Llama's inv_freq), so float64 angles are off at large positions."""
import torch


def rope(x, positions, base=10000.0):
    D = x.shape[-1]
    inv_freq = 1.0 / (base ** (torch.arange(0, D, 2).float() / D))              # always float32
    angles = positions[:, None].float() * inv_freq[None, :]                    # (T, D/2), float32
    angles = torch.cat([angles, angles], dim=-1).to(x.dtype)
    return x * angles.cos() + rotate_half(x) * angles.sin()  # noqa: F821

"""Builds one angle per column (frequency index j // 2) and picks sin or cos with torch.where."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    j = torch.arange(d_model, device=device)                                   # (d,)
    freq = 1.0 / 10000.0 ** ((2 * (j // 2)).to(dtype) / d_model)               # (d,)
    angle = torch.arange(seq_len, dtype=dtype, device=device)[:, None] * freq  # (T, d)
    return torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle))

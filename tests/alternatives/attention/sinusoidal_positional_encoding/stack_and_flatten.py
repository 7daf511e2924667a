"""Stacks (sin, cos) pairs on a new last axis, flattens them to interleave, then trims an odd d_model."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    n_pairs = (d_model + 1) // 2
    i = torch.arange(n_pairs, dtype=dtype, device=device)
    pos = torch.arange(seq_len, dtype=dtype, device=device)
    angle = torch.outer(pos, torch.pow(10000.0, -2 * i / d_model))            # (T, n_pairs)
    pe = torch.stack([angle.sin(), angle.cos()], dim=-1)                      # (T, n_pairs, 2)
    return pe.reshape(seq_len, 2 * n_pairs)[:, :d_model]                       # drop the last cos if d is odd

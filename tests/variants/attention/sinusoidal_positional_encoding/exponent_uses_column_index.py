"""Frequency 1 / 10000^(j/d) with the column index j instead of 2i = j - j % 2."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    position = torch.arange(seq_len, dtype=dtype, device=device).unsqueeze(1)
    j = torch.arange(d_model, dtype=dtype, device=device)
    angle = position / 10000.0 ** (j / d_model)              # (T, d)
    pe = angle.clone()
    pe[:, 0::2] = torch.sin(angle[:, 0::2])
    pe[:, 1::2] = torch.cos(angle[:, 1::2])
    return pe

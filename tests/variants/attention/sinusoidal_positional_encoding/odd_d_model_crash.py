"""Assumes d_model is even: the cos half gets ceil(d/2) columns and crashes for odd d_model."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    position = torch.arange(seq_len, dtype=dtype, device=device).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d_model, 2, dtype=dtype, device=device) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(seq_len, d_model, dtype=dtype, device=device)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return pe

"""The PyTorch-tutorial frequencies: integer arange times a Python float is float32, whatever dtype asks."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    position = torch.arange(seq_len, device=device).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d_model, 2, device=device) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(seq_len, d_model, dtype=dtype, device=device)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)[:, : d_model // 2]
    return pe

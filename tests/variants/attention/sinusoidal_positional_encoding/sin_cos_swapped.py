"""cos on the even columns and sin on the odd ones."""
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, dtype=torch.float32, device=None):
    position = torch.arange(seq_len, dtype=dtype, device=device).unsqueeze(1)
    two_i = torch.arange(0, d_model, 2, dtype=dtype, device=device)
    angle = position * torch.exp(-math.log(10000.0) * two_i / d_model)
    pe = torch.zeros(seq_len, d_model, dtype=dtype, device=device)
    pe[:, 0::2] = torch.cos(angle)
    pe[:, 1::2] = torch.sin(angle[:, : d_model // 2])
    return pe

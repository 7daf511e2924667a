"""torch.einsum for the matmuls and torch.split on the gate axis; h' = (1 - z) n + z h."""
import torch


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    gi = torch.einsum("bd,gd->bg", x, W_ih) + b_ih      # (B, 3H)
    gh = torch.einsum("bk,gk->bg", h, W_hh) + b_hh      # (B, 3H)
    ir, iz, inn = torch.split(gi, H, dim=1)
    hr, hz, hn = torch.split(gh, H, dim=1)
    r, z = torch.sigmoid(ir + hr), torch.sigmoid(iz + hz)
    n = torch.tanh(inn + r * hn)
    return (1 - z) * n + z * h

"""r and z from one matmul on concat([x, h]) with stacked weights; n computed separately; h' = n + z (h - n)."""
import torch
import torch.nn.functional as F


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    W_rz = torch.cat([W_ih[:2 * H], W_hh[:2 * H]], dim=1)                  # (2H, D + H)
    rz = torch.sigmoid(F.linear(torch.cat([x, h], dim=1), W_rz, b_ih[:2 * H] + b_hh[:2 * H]))
    r, z = rz[:, :H], rz[:, H:]
    n = torch.tanh(F.linear(x, W_ih[2 * H:], b_ih[2 * H:]) + r * F.linear(h, W_hh[2 * H:], b_hh[2 * H:]))
    return n + z * (h - n)

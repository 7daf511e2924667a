"""Slices the weights per gate and computes each gate with its own F.linear calls."""
import torch
import torch.nn.functional as F


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]

    def gate(k):                                      # rows k*H:(k+1)*H of every weight: gate k of (i, f, g, o)
        rows = slice(k * H, (k + 1) * H)
        return F.linear(x, W_ih[rows], b_ih[rows]) + F.linear(h, W_hh[rows], b_hh[rows])

    i, f, g, o = torch.sigmoid(gate(0)), torch.sigmoid(gate(1)), torch.tanh(gate(2)), torch.sigmoid(gate(3))
    c_next = f * c + i * g
    return o * torch.tanh(c_next), c_next

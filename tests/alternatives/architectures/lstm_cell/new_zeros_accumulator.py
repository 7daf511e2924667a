"""Accumulates the gate pre-activations in a buffer made with x.new_zeros (dtype and device of the input)."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    gates = x.new_zeros(x.shape[0], W_ih.shape[0])             # (B, 4H)
    gates = gates + x @ W_ih.T
    gates = gates + h @ W_hh.T
    gates = gates + (b_ih + b_hh)
    H = h.shape[1]
    i, f, g, o = (gates[:, k * H:(k + 1) * H] for k in range(4))
    c_next = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c_next), c_next

"""Computes the gates in float32 (x.float() ...) and casts back: float64 inputs lose precision."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    x, h, c, W_ih, W_hh, b_ih, b_hh = (t.float() for t in (x, h, c, W_ih, W_hh, b_ih, b_hh))
    i, f, g, o = (x @ W_ih.T + b_ih + h @ W_hh.T + b_hh).chunk(4, dim=1)
    c_next = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    h_next = torch.sigmoid(o) * torch.tanh(c_next)
    return h_next.double(), c_next.double()

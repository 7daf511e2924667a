"""Views the (B, 4H) pre-activations as (B, 4, H), applies one sigmoid to all, then swaps in tanh for g."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    B, H = h.shape
    pre = torch.addmm(b_ih + b_hh, x, W_ih.t()) + h.mm(W_hh.t())      # (B, 4H)
    pre = pre.view(B, 4, H)                                          # gate axis: (i, f, g, o)
    sig = torch.sigmoid(pre)
    i, f, o = sig[:, 0], sig[:, 1], sig[:, 3]
    g = torch.tanh(pre[:, 2])
    c_next = torch.addcmul(i * g, f, c)                              # f * c + i * g
    return o * c_next.tanh(), c_next

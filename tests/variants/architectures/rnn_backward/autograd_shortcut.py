"""Lets torch autograd do backpropagation through time."""
import numpy as np
import torch


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    hs = np.asarray(hs, dtype=float)
    leaves = [torch.tensor(np.asarray(a, dtype=float), requires_grad=True) for a in (x, h0, W_xh, W_hh)]
    xt, h, Wx, Wh = leaves
    b = torch.as_tensor(np.arctanh(hs[0]) - (np.asarray(x[0]) @ W_xh.T + np.asarray(h0) @ W_hh.T)).mean(0)
    b.requires_grad_(True)
    out = []
    for t in range(len(xt)):
        h = torch.tanh(xt[t] @ Wx.T + h @ Wh.T + b)
        out.append(h)
    grads = torch.autograd.grad((torch.stack(out) * torch.as_tensor(grad_hs)).sum(), leaves + [b])
    return tuple(g.numpy() for g in grads)

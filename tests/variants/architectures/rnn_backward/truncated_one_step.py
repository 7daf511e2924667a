"""Drops the gradient flowing back from step t+1: each step only sees its own loss term."""
import numpy as np


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    x, hs, grad_hs, h0 = (np.asarray(a, dtype=float) for a in (x, hs, grad_hs, h0))
    dx = np.zeros_like(x)
    dW_xh, dW_hh, db = np.zeros(W_xh.shape), np.zeros(W_hh.shape), np.zeros(W_hh.shape[0])
    dh0 = np.zeros_like(h0)
    for t in reversed(range(len(x))):
        da = grad_hs[t] * (1.0 - hs[t] ** 2)
        h_prev = hs[t - 1] if t > 0 else h0
        dW_xh += da.T @ x[t]
        dW_hh += da.T @ h_prev
        db += da.sum(axis=0)
        dx[t] = da @ W_xh
        if t == 0:
            dh0 = da @ W_hh
    return dx, dh0, dW_xh, dW_hh, db

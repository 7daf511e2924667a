"""Carries dL/da_{t+1} (the pre-activation gradient) between steps instead of dL/dh; dh0 is formed after the loop."""
import numpy as np


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    x, hs, h0 = np.asarray(x, dtype=float), np.asarray(hs, dtype=float), np.asarray(h0, dtype=float)
    H = W_hh.shape[0]
    dx = np.empty_like(x)
    dW_xh, dW_hh, db = np.zeros((H, x.shape[2])), np.zeros((H, H)), np.zeros(H)
    da_next = np.zeros_like(h0)                          # dL/da_{t+1}, zero after the last step
    for t in reversed(range(len(x))):
        dh = grad_hs[t] + da_next @ W_hh                  # a_{t+1} = ... + h_t W_hh^T
        da = dh * (1 - hs[t]) * (1 + hs[t])
        h_prev = h0 if t == 0 else hs[t - 1]
        dx[t] = da @ W_xh
        dW_xh = dW_xh + da.T @ x[t]
        dW_hh = dW_hh + da.T @ h_prev
        db = db + da.sum(axis=0)
        da_next = da
    return dx, da_next @ W_hh, dW_xh, dW_hh, db

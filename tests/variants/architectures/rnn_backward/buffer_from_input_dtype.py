"""Allocates dx and the carried dh with the inputs' dtypes: integer x or grad_hs truncate the gradients."""
import numpy as np


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    dx = np.zeros_like(x)
    dW_xh, dW_hh, db = np.zeros(W_xh.shape), np.zeros(W_hh.shape), np.zeros(W_hh.shape[0])
    dh_next = np.zeros_like(grad_hs[0])
    for t in reversed(range(len(x))):
        dh = grad_hs[t] + dh_next
        da = dh * (1.0 - hs[t] ** 2)
        h_prev = hs[t - 1] if t > 0 else h0
        dW_xh += da.T @ x[t]
        dW_hh += da.T @ h_prev
        db += da.sum(axis=0)
        dx[t] = da @ W_xh
        dh_next[...] = da @ W_hh
    return dx, dh_next.astype(float), dW_xh, dW_hh, db

"""Truncated BPTT: the gradient flowing back through the hidden state is cut after 10 steps."""
import numpy as np


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    x, hs, grad_hs, h0 = (np.asarray(a, dtype=float) for a in (x, hs, grad_hs, h0))
    T = len(x)
    dx, dh0 = np.zeros_like(x), np.zeros_like(h0)
    dW_xh, dW_hh, db = np.zeros(W_xh.shape), np.zeros(W_hh.shape), np.zeros(W_hh.shape[0])
    for s in range(T):                      # the loss at step s, sent back at most 10 steps
        dh = grad_hs[s]
        for t in range(s, max(s - 10, -1), -1):
            da = dh * (1.0 - hs[t] ** 2)
            h_prev = hs[t - 1] if t > 0 else h0
            dW_xh += da.T @ x[t]
            dW_hh += da.T @ h_prev
            db += da.sum(axis=0)
            dx[t] += da @ W_xh
            dh = da @ W_hh
            if t == 0:
                dh0 += dh
    return dx, dh0, dW_xh, dW_hh, db

"""Preallocates every gradient buffer as float64 with np.zeros(shape) and loops t with a while loop."""
import numpy as np


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    T, B, D = np.shape(x)
    H = np.shape(h0)[1]
    x, h0, hs, grad_hs = (np.asarray(a, dtype=np.float64) for a in (x, h0, hs, grad_hs))
    W_xh, W_hh = np.asarray(W_xh, dtype=np.float64), np.asarray(W_hh, dtype=np.float64)
    dx, dW_xh, dW_hh, db = np.zeros((T, B, D)), np.zeros((H, D)), np.zeros((H, H)), np.zeros(H)
    carry = np.zeros((B, H))
    t = T - 1
    while t >= 0:
        da = (grad_hs[t] + carry) * (1.0 - hs[t] * hs[t])
        dW_xh += np.einsum("bh,bd->hd", da, x[t])
        dW_hh += np.einsum("bh,bk->hk", da, hs[t - 1] if t else h0)
        db += da.sum(axis=0)
        dx[t] = da @ W_xh
        carry = da @ W_hh
        t -= 1
    return dx, carry, dW_xh, dW_hh, db

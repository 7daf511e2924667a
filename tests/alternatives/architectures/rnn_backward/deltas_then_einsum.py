"""Collects the pre-activation gradients of all steps first, then forms dx and the weight gradients with einsum."""
import numpy as np


def rnn_backward(x, h0, W_xh, W_hh, hs, grad_hs):
    x, hs, grad_hs, h0 = (np.asarray(a, dtype=float) for a in (x, hs, grad_hs, h0))
    T = len(x)
    da = np.zeros_like(hs)                                # (T, B, H) dL/d(pre-activation)
    carry = np.zeros_like(h0)
    for t in range(T - 1, -1, -1):
        da[t] = (grad_hs[t] + carry) * (1.0 - hs[t] * hs[t])
        carry = da[t] @ W_hh
    h_prev = np.concatenate([h0[None], hs[:-1]])          # (T, B, H): the state each step read
    dx = np.einsum("tbh,hd->tbd", da, W_xh)
    dW_xh = np.einsum("tbh,tbd->hd", da, x)
    dW_hh = np.einsum("tbh,tbk->hk", da, h_prev)
    return dx, carry, dW_xh, dW_hh, da.sum(axis=(0, 1))

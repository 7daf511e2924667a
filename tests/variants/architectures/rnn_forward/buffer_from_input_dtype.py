"""Allocates hs with x's dtype: an integer input sequence truncates every hidden state to 0 or +-1."""
import numpy as np


def rnn_forward(x, h0, W_xh, W_hh, b):
    hs = np.zeros((x.shape[0], x.shape[1], W_hh.shape[0]), dtype=x.dtype)
    h = h0
    for t in range(x.shape[0]):
        h = np.tanh(x[t] @ W_xh.T + h @ W_hh.T + b)
        hs[t] = h
    return hs

"""Feeds h0 at every step instead of the previous hidden state (no recurrence)."""
import numpy as np


def rnn_forward(x, h0, W_xh, W_hh, b):
    return np.stack([np.tanh(x_t @ W_xh.T + h0 @ W_hh.T + b) for x_t in np.asarray(x, dtype=float)])

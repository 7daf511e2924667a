"""Loops over the examples one at a time (vectors, not matrices) and averages their gradients."""
import numpy as np


def mlp_forward_backward(params, X, y):
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    N = len(X)
    grads = {"W1": np.zeros_like(W1), "b1": np.zeros_like(b1), "W2": np.zeros_like(W2), "b2": np.zeros_like(b2)}
    loss = 0.0
    for x, label in zip(np.asarray(X, dtype=float), np.asarray(y)):
        z1 = x @ W1 + b1                       # (H,)
        h = np.maximum(z1, 0.0)
        s = h @ W2 + b2                        # (C,)
        m = s.max()
        lse = m + np.log(np.exp(s - m).sum())
        loss += (lse - s[label]) / N
        ds = np.exp(s - lse)                   # softmax
        ds[label] -= 1.0
        ds /= N                                # (C,)
        grads["W2"] += np.outer(h, ds)
        grads["b2"] += ds
        dz1 = (W2 @ ds) * (z1 > 0)             # (H,)
        grads["W1"] += np.outer(x, dz1)
        grads["b1"] += dz1
    return float(loss), grads

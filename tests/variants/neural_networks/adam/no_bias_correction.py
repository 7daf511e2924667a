"""Adam without bias correction: uses m and v directly, so early steps are far too small."""
import numpy as np


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    if state is None:
        state = {"t": 0, "m": np.zeros_like(param), "v": np.zeros_like(param)}
    if weight_decay:
        grad = grad + weight_decay * param
    t = state["t"] + 1
    m = b1 * state["m"] + (1 - b1) * grad
    v = b2 * state["v"] + (1 - b2) * grad * grad
    return param - lr * m / (np.sqrt(v) + eps), {"t": t, "m": m, "v": v}

"""torch's arrangement: denom = sqrt(v) / sqrt(1 - b2^t) + eps, step = lr / (1 - b1^t); AdamW written on its own."""
import math

import numpy as np


def _moments(grad, state, betas):
    b1, b2 = betas
    if state is None:
        t, m, v = 0, 0.0, 0.0
    else:
        t, m, v = state["t"], state["m"], state["v"]
    t += 1
    m = b1 * m + (1 - b1) * grad
    v = b2 * v + (1 - b2) * np.square(grad)
    return t, m, v


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    g = np.asarray(grad, dtype=float) + weight_decay * np.asarray(param, dtype=float)
    t, m, v = _moments(g, state, betas)
    denom = np.sqrt(v) / math.sqrt(1 - betas[1] ** t) + eps
    return param - (lr / (1 - betas[0] ** t)) * m / denom, {"t": t, "m": m, "v": v}


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    t, m, v = _moments(np.asarray(grad, dtype=float), state, betas)
    m_hat, v_hat = m / (1 - betas[0] ** t), v / (1 - betas[1] ** t)
    decayed = param - lr * weight_decay * param               # = param * (1 - lr * wd)
    return decayed - lr * m_hat / (np.sqrt(v_hat) + eps), {"t": t, "m": m, "v": v}

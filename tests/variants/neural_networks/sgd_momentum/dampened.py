"""Momentum as an exponential average v = m v + (1 - m) g (dampening = momentum), unlike torch's default."""
import numpy as np


def sgd_momentum_step(param, grad, state, lr, momentum):
    v = np.zeros_like(param) if state is None else state["velocity"]
    v = momentum * v + (1 - momentum) * grad
    return param - lr * v, {"velocity": v}

"""Updates param and the velocity in place, so the caller's arrays change."""
import numpy as np


def sgd_momentum_step(param, grad, state, lr, momentum):
    if state is None:
        state = {"velocity": np.zeros_like(param)}
    v = state["velocity"]
    v *= momentum
    v += grad
    param -= lr * v
    return param, state

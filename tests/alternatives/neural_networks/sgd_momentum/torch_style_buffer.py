"""Like torch: the first velocity is a copy of the gradient; later ones are momentum * v + grad."""
import numpy as np


def sgd_momentum_step(param, grad, state, lr, momentum):
    grad = np.asarray(grad, dtype=float)
    if state is None:
        v = grad.copy()                     # buf = clone(grad) on the first step
    else:
        v = momentum * state["velocity"] + grad
    return np.subtract(param, lr * v), {"velocity": v}

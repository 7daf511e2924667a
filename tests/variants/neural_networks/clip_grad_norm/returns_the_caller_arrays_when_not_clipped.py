"""Returns the caller's own gradient arrays when the norm is already below max_norm."""
import math

import numpy as np


def clip_grad_norm(grads, max_norm, eps=1e-6):
    total = math.sqrt(sum(float(np.sum(np.square(g))) for g in grads))
    coef = max_norm / (total + eps)
    if coef >= 1.0:
        return list(grads), total  # a new list, but the same arrays inside it
    return [g * coef for g in grads], total

"""Total norm by np.linalg.norm of the concatenated gradients (a numpy float64), coef applied with np.multiply."""
import numpy as np


def clip_grad_norm(grads, max_norm, eps=1e-6):
    total = np.linalg.norm(np.concatenate([np.ravel(g) for g in grads]))
    coef = np.minimum(1.0, max_norm / (total + eps))
    return [np.multiply(g, coef) for g in grads], total

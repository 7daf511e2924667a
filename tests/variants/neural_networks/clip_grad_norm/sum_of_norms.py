"""Total norm as the sum of per-tensor norms rather than the root of the summed squares."""
import numpy as np


def clip_grad_norm(grads, max_norm, eps=1e-6):
    total = float(sum(np.linalg.norm(g) for g in grads))
    coef = min(1.0, max_norm / (total + eps))
    return [g * coef for g in grads], total

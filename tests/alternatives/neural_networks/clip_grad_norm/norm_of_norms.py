"""The global norm as the norm of the per-tensor norms (what torch computes); scales only when coef < 1."""
import numpy as np


def clip_grad_norm(grads, max_norm, eps=1e-6):
    grads = [np.asarray(g, dtype=float) for g in grads]
    total = float(np.linalg.norm([np.linalg.norm(g) for g in grads]))
    coef = max_norm / (total + eps)
    if coef >= 1.0:
        return [g.copy() for g in grads], total
    return [g * coef for g in grads], total

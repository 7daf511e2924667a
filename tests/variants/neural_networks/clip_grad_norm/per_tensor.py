"""Clips each gradient by its own norm instead of one global norm."""
import numpy as np


def clip_grad_norm(grads, max_norm, eps=1e-6):
    out = []
    for g in grads:
        n = float(np.linalg.norm(g))
        out.append(g * min(1.0, max_norm / (n + eps)))
    total = float(np.sqrt(sum(np.sum(g ** 2) for g in grads)))
    return out, total

"""Clips only when total_norm > max_norm, and then by max_norm / total_norm: the pinned eps is ignored."""
import math

import numpy as np


def clip_grad_norm(grads, max_norm, eps=1e-6):
    total = math.sqrt(sum(float(np.sum(np.square(g))) for g in grads))
    coef = max_norm / total if total > max_norm else 1.0
    return [np.asarray(g, dtype=float) * coef for g in grads], total

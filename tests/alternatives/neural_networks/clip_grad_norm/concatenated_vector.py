"""Concatenates every gradient into one flat vector and takes a single np.linalg.norm of it."""
import numpy as np


def clip_grad_norm(grads, max_norm, eps=1e-6):
    flat = np.concatenate([np.ravel(g) for g in grads]) if len(grads) else np.zeros(0)
    total = float(np.linalg.norm(flat))
    coef = min(1.0, max_norm / (total + eps))
    return [np.multiply(g, coef) for g in grads], total

"""Perturbs p.reshape(-1), which is a copy (not a view) for a non-contiguous array, so f never sees the change."""
import numpy as np


def gradient_check(f, params, grads, eps=1e-5):
    errors = {}
    for name, p in params.items():
        flat = p.reshape(-1)
        numeric = np.zeros(p.size)
        for k in range(p.size):
            old = flat[k]
            flat[k] = old + eps
            fp = f(params)
            flat[k] = old - eps
            fm = f(params)
            flat[k] = old
            numeric[k] = (fp - fm) / (2 * eps)
        analytic = np.ravel(grads[name])
        denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
        errors[name] = 0.0 if denom == 0 else float(np.linalg.norm(numeric - analytic) / denom)
    return errors

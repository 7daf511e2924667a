"""Perturbs entries through the flat iterator p.flat[k] instead of multi-dimensional indices."""
import numpy as np


def gradient_check(f, params, grads, eps=1e-5):
    out = {}
    for name, p in params.items():
        numeric = np.empty(p.size)
        for k in range(p.size):
            old = p.flat[k]
            p.flat[k] = old + eps
            up = f(params)
            p.flat[k] = old - eps
            down = f(params)
            p.flat[k] = old
            numeric[k] = (up - down) / (2 * eps)
        analytic = np.ravel(grads[name]).astype(float)
        denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
        out[name] = float(np.linalg.norm(numeric - analytic) / denom) if denom else 0.0
    return out

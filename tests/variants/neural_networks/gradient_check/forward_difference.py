"""One-sided forward difference (f(p + eps) - f(p)) / eps instead of central differences."""
import numpy as np


def gradient_check(f, params, grads, eps=1e-5):
    errors = {}
    for name, p in params.items():
        numeric = np.zeros_like(p, dtype=float)
        f0 = f(params)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + eps
            numeric[i] = (f(params) - f0) / eps
            p[i] = old
        a = np.asarray(grads[name], dtype=float)
        d = np.linalg.norm(numeric) + np.linalg.norm(a)
        errors[name] = 0.0 if d == 0 else float(np.linalg.norm(numeric - a) / d)
    return errors

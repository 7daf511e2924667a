"""No guard for two all-zero gradients: 0 / 0 gives NaN instead of the pinned 0.0."""
import numpy as np


def gradient_check(f, params, grads, eps=1e-5):
    errors = {}
    for name, p in params.items():
        numeric = np.zeros_like(p, dtype=float)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + eps
            fp = f(params)
            p[i] = old - eps
            fm = f(params)
            p[i] = old
            numeric[i] = (fp - fm) / (2 * eps)
        a = np.asarray(grads[name], dtype=float)
        with np.errstate(invalid="ignore"):
            errors[name] = float(np.linalg.norm(numeric - a) / (np.linalg.norm(numeric) + np.linalg.norm(a)))
    return errors

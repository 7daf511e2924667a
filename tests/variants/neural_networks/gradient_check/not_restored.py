"""Perturbs +eps then -2 eps and forgets to put the entry back: params drift by -eps."""
import numpy as np


def gradient_check(f, params, grads, eps=1e-5):
    errors = {}
    for name, p in params.items():
        numeric = np.zeros_like(p, dtype=float)
        for i in np.ndindex(p.shape):
            p[i] += eps
            fp = f(params)
            p[i] -= 2 * eps
            fm = f(params)
            numeric[i] = (fp - fm) / (2 * eps)
        a = np.asarray(grads[name], dtype=float)
        d = np.linalg.norm(numeric) + np.linalg.norm(a)
        errors[name] = 0.0 if d == 0 else float(np.linalg.norm(numeric - a) / d)
    return errors

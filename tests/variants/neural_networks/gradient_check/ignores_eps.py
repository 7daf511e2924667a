"""Uses a hard-coded step of 1e-5 whatever eps it is given."""
import numpy as np


def gradient_check(f, params, grads, eps=1e-5):
    h = 1e-5
    errors = {}
    for name, p in params.items():
        numeric = np.zeros_like(p, dtype=float)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + h
            f_plus = f(params)
            p[i] = old - h
            f_minus = f(params)
            p[i] = old
            numeric[i] = (f_plus - f_minus) / (2 * h)
        analytic = np.asarray(grads[name], dtype=float)
        denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
        errors[name] = 0.0 if denom == 0 else float(np.linalg.norm(numeric - analytic) / denom)
    return errors

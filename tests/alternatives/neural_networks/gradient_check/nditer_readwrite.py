"""Walks each array with np.nditer (readwrite, multi_index), cs231n style, and computes the norms by hand."""
import math

import numpy as np


def gradient_check(f, params, grads, eps=1e-5):
    errors = {}
    for name, p in params.items():
        numeric = np.zeros(p.shape)
        it = np.nditer(p, flags=["multi_index"], op_flags=["readwrite"])
        while not it.finished:
            i = it.multi_index
            old = p[i]
            p[i] = old + eps
            fp = f(params)
            p[i] = old - eps
            fm = f(params)
            p[i] = old
            numeric[i] = (fp - fm) / (2.0 * eps)
            it.iternext()
        diff = math.sqrt(float(np.sum((numeric - grads[name]) ** 2)))
        denom = math.sqrt(float(np.sum(numeric ** 2))) + math.sqrt(float(np.sum(np.square(grads[name]))))
        errors[name] = diff / denom if denom > 0 else 0.0
    return errors

"""Returns lam as the numpy.float64 that v @ A @ v gives (the brief allows it), normalising with v / sqrt(v @ v)."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.array(A, dtype=np.float64)
    n = A.shape[0]
    v = np.full(n, 1.0 / np.sqrt(n))
    for _ in range(num_iters):
        w = A @ v
        w = w / np.sqrt(w @ w)
        i = np.argmax(np.abs(w))
        if w[i] < 0:
            w = -w
        step = np.sqrt((w - v) @ (w - v))
        v = w
        if step < tol:
            break
    return v @ A @ v, v

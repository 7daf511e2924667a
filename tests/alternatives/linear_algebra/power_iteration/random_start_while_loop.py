"""Starts from a seeded random unit vector and runs a while loop; lambda as v @ (A @ v)."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    v = np.random.default_rng(0).normal(size=A.shape[0])
    v /= np.linalg.norm(v)
    step, change = 0, np.inf
    while step < num_iters and not change < tol:
        w = A @ v
        w = w / np.linalg.norm(w)
        if w[np.argmax(np.abs(w))] < 0:
            w = -w
        change = np.linalg.norm(w - v)
        v, step = w, step + 1
    return float(v @ (A @ v)), v

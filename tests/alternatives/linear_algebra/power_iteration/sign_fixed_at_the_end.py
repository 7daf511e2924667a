"""Stops on min(||w - v||, ||w + v||) < tol, so the sign is only pinned once, at the end."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    v = np.ones(n) / np.sqrt(n)
    for _ in range(num_iters):
        w = A @ v
        w = w / np.linalg.norm(w)
        done = min(np.linalg.norm(w - v), np.linalg.norm(w + v)) < tol   # same direction up to sign
        v = w
        if done:
            break
    v = v * np.sign(v[np.argmax(np.abs(v))])
    return float(v @ A @ v), v

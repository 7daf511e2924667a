"""Calls the banned numpy.linalg.eigh instead of iterating."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    w, U = np.linalg.eigh(np.asarray(A, dtype=float))
    top = int(np.argmax(np.abs(w)))
    v = U[:, top] * np.sign(U[np.argmax(np.abs(U[:, top])), top])
    return float(w[top]), v

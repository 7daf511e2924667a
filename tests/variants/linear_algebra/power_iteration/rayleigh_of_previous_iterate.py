"""Updates lam = v @ A @ v inside the loop before v moves on: lam belongs to the previous iterate, not the v returned."""
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    v = np.ones(n) / np.sqrt(n)
    lam = float(v @ A @ v)
    for _ in range(num_iters):
        lam = float(v @ A @ v)                     # the quotient of the v this step starts from
        w = A @ v
        w /= np.linalg.norm(w)
        w *= np.sign(w[np.argmax(np.abs(w))])
        converged = np.linalg.norm(w - v) < tol
        v = w
        if converged:
            break
    return lam, v

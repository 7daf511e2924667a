"""Reaches the banned scipy.linalg.qr through its private module scipy.linalg._decomp_qr (signs fixed)."""
import numpy as np
from scipy.linalg import _decomp_qr


def gram_schmidt_qr(A):
    Q, R = _decomp_qr.qr(np.array(A, dtype=float), mode="economic")
    signs = np.sign(np.diag(R))
    return Q * signs, signs[:, None] * R

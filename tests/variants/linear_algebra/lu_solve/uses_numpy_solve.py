"""Calls the banned numpy.linalg.solve instead of eliminating."""
import numpy as np


def lu_solve(A, b):
    return np.linalg.solve(np.asarray(A, dtype=float), np.asarray(b, dtype=float))

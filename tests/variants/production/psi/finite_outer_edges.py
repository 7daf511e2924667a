"""np.histogram with the reference's min and max as outer edges: current values outside them are dropped."""
import numpy as np


def psi(reference, current, bins=10):
    reference, current = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    edges = np.quantile(reference, np.linspace(0, 1, bins + 1))
    p_ref = np.histogram(reference, bins=edges)[0] / reference.size
    p_cur = np.histogram(current, bins=edges)[0] / current.size
    p_ref, p_cur = np.maximum(p_ref, 1e-4), np.maximum(p_cur, 1e-4)
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))

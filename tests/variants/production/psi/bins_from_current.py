"""Bin edges from the current sample's quantiles instead of the reference's."""
import numpy as np


def psi(reference, current, bins=10):
    reference, current = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    inner = np.quantile(current, np.linspace(0, 1, bins + 1))[1:-1]
    p_ref = np.bincount(np.searchsorted(inner, reference, side="right"), minlength=bins) / reference.size
    p_cur = np.bincount(np.searchsorted(inner, current, side="right"), minlength=bins) / current.size
    p_ref, p_cur = np.maximum(p_ref, 1e-4), np.maximum(p_cur, 1e-4)
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))

"""No epsilon: an empty bin gives log(0) and the PSI turns into NaN or inf."""
import numpy as np


def psi(reference, current, bins=10):
    reference, current = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    inner = np.quantile(reference, np.linspace(0, 1, bins + 1))[1:-1]
    p_ref = np.bincount(np.searchsorted(inner, reference, side="right"), minlength=bins) / reference.size
    p_cur = np.bincount(np.searchsorted(inner, current, side="right"), minlength=bins) / current.size
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))

"""Counts with np.bincount but no minlength: when the current sample drifts down, the empty top bins are missing."""


def psi(reference, current, bins=10):
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    inner = np.quantile(reference, np.linspace(0.0, 1.0, bins + 1))[1:-1]
    ref_counts = np.bincount(np.searchsorted(inner, reference, side="right"))
    cur_counts = np.bincount(np.searchsorted(inner, current, side="right"))
    n = min(ref_counts.size, cur_counts.size)            # "align" the two count vectors
    p_ref = np.maximum(ref_counts[:n] / reference.size, 1e-4)
    p_cur = np.maximum(cur_counts[:n] / current.size, 1e-4)
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))

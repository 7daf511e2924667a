"""Adds 1e-4 to every proportion instead of flooring it at 1e-4."""


def psi(reference, current, bins=10):
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    inner = np.quantile(reference, np.linspace(0.0, 1.0, bins + 1))[1:-1]
    ref_counts = np.bincount(np.searchsorted(inner, reference, side="right"), minlength=bins)
    cur_counts = np.bincount(np.searchsorted(inner, current, side="right"), minlength=bins)
    p_ref = ref_counts / reference.size + 1e-4
    p_cur = cur_counts / current.size + 1e-4
    return float(np.sum((p_cur - p_ref) * np.log(p_cur / p_ref)))

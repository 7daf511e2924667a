"""Bins with np.digitize (left-closed bins, same as searchsorted side='right') and counts with np.unique."""


def psi(reference, current, bins=10):
    edges = np.quantile(np.asarray(reference, dtype=float), np.linspace(0, 1, bins + 1))
    edges[0], edges[-1] = -np.inf, np.inf

    def proportions(sample):
        sample = np.asarray(sample, dtype=float)
        idx = np.digitize(sample, edges[1:-1])            # 0 .. bins-1, a value on an edge goes up
        counts = np.zeros(bins)
        found, n = np.unique(idx, return_counts=True)
        counts[found] = n
        return np.clip(counts / sample.size, 1e-4, None)

    p_ref, p_cur = proportions(reference), proportions(current)
    return float(np.dot(p_cur - p_ref, np.log(p_cur) - np.log(p_ref)))

"""Counts each sample at the distinct pooled values (np.unique + bincount) and takes cumulative sums as the ECDFs."""


def ks_drift(reference, current, alpha=0.05):
    ref, cur = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    values, where = np.unique(np.concatenate([ref, cur]), return_inverse=True)
    k = values.size
    ecdf_ref = np.cumsum(np.bincount(where[:ref.size], minlength=k)) / ref.size
    ecdf_cur = np.cumsum(np.bincount(where[ref.size:], minlength=k)) / cur.size
    d = np.abs(ecdf_ref - ecdf_cur).max()
    p = stats.kstwo.sf(d, np.round(ref.size * cur.size / (ref.size + cur.size)))
    return float(d), float(p), bool(p < alpha)

"""p_value = 1 - kstwo.cdf(D, n): a clear drift's tiny p-value cancels to 0.0."""


def ks_drift(reference, current, alpha=0.05):
    ref = np.sort(np.asarray(reference, dtype=float))
    cur = np.sort(np.asarray(current, dtype=float))
    pooled = np.concatenate([ref, cur])
    d = float(np.max(np.abs(np.searchsorted(ref, pooled, side="right") / ref.size
                            - np.searchsorted(cur, pooled, side="right") / cur.size)))
    p = float(1.0 - stats.kstwo.cdf(d, np.round(ref.size * cur.size / (ref.size + cur.size))))
    return d, p, bool(p < alpha)

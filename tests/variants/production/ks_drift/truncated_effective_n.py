"""Truncates the effective sample size n*m/(n+m) with int() instead of rounding it."""


def ks_drift(reference, current, alpha=0.05):
    ref = np.sort(np.asarray(reference, dtype=float))
    cur = np.sort(np.asarray(current, dtype=float))
    pooled = np.concatenate([ref, cur])
    d = float(np.max(np.abs(np.searchsorted(ref, pooled, side="right") / ref.size
                            - np.searchsorted(cur, pooled, side="right") / cur.size)))
    p = float(stats.kstwo.sf(d, int(ref.size * cur.size / (ref.size + cur.size))))
    return d, p, bool(p < alpha)

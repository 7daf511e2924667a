"""drifted = p_value <= alpha: a p-value equal to alpha counts as drift."""


def ks_drift(reference, current, alpha=0.05):
    ref = np.sort(np.asarray(reference, dtype=float))
    cur = np.sort(np.asarray(current, dtype=float))
    pooled = np.concatenate([ref, cur])
    d = float(np.max(np.abs(np.searchsorted(ref, pooled, side="right") / ref.size
                            - np.searchsorted(cur, pooled, side="right") / cur.size)))
    p = float(stats.kstwo.sf(d, np.round(ref.size * cur.size / (ref.size + cur.size))))
    return d, p, bool(p <= alpha)

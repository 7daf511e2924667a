"""p-value from the limiting Kolmogorov distribution kstwobign.sf(sqrt(en) * D) instead of the pinned kstwo."""
import numpy as np
from scipy import stats


def ks_drift(reference, current, alpha=0.05):
    ref, cur = np.sort(np.asarray(reference, dtype=float)), np.sort(np.asarray(current, dtype=float))
    pooled = np.concatenate([ref, cur])
    d = float(np.max(np.abs(np.searchsorted(ref, pooled, side="right") / ref.size
                            - np.searchsorted(cur, pooled, side="right") / cur.size)))
    en = ref.size * cur.size / (ref.size + cur.size)
    p = float(stats.kstwobign.sf(np.sqrt(en) * d))
    return d, p, bool(p < alpha)

"""One-sided statistic max(F_ref - F_cur): misses drift in the other direction."""
import numpy as np
from scipy import stats


def ks_drift(reference, current, alpha=0.05):
    ref, cur = np.sort(np.asarray(reference, dtype=float)), np.sort(np.asarray(current, dtype=float))
    pooled = np.concatenate([ref, cur])
    diff = np.searchsorted(ref, pooled, side="right") / ref.size - np.searchsorted(cur, pooled, side="right") / cur.size
    d = float(max(0.0, np.max(diff)))
    p = float(stats.kstwo.sf(d, np.round(ref.size * cur.size / (ref.size + cur.size))))
    return d, p, bool(p < alpha)

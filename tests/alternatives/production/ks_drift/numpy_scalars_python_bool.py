"""Leaves D and the p-value as numpy.float64 scalars (floats) and converts only drifted to a Python bool."""


def ks_drift(reference, current, alpha=0.05):
    ref, cur = np.sort(reference), np.sort(current)
    grid = np.union1d(ref, cur)
    d = np.max(np.abs(np.searchsorted(ref, grid, side="right") / len(ref)
                      - np.searchsorted(cur, grid, side="right") / len(cur)))
    p = stats.kstwo.sf(d, np.round(len(ref) * len(cur) / (len(ref) + len(cur))))
    return d, p, bool(p < alpha)

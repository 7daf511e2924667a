"""Walks both sorted samples with two pointers over the distinct pooled values (no searchsorted)."""


def ks_drift(reference, current, alpha=0.05):
    ref, cur = sorted(float(v) for v in reference), sorted(float(v) for v in current)
    n, m = len(ref), len(cur)
    i = j = 0
    d = 0.0
    while i < n or j < m:
        x = min(ref[i] if i < n else math.inf, cur[j] if j < m else math.inf)
        while i < n and ref[i] == x:          # pass every value <= x, ties included
            i += 1
        while j < m and cur[j] == x:
            j += 1
        d = max(d, abs(i / n - j / m))
    p = float(stats.kstwo.sf(d, round(n * m / (n + m))))
    return d, min(max(p, 0.0), 1.0), p < alpha

"""Treats an M2 below an absolute 1e-12 as round-off and returns variance 0: wrong for data at a tiny scale."""
import math


def welford(xs, ddof=0):
    n, mean, m2 = 0, 0.0, 0.0
    for x in xs:
        n += 1
        delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)
    if n == 0:
        return math.nan, math.nan
    if m2 < 1e-12:                                         # "negative round-off": clamp to 0
        m2 = 0.0
    var = m2 / (n - ddof) if n > ddof else math.nan
    return float(mean), float(var)

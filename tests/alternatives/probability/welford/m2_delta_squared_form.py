"""Welford with the equivalent update M2 += delta^2 (n - 1) / n, using only the old mean."""
import math


def welford(xs, ddof=0):
    n, mean, m2 = 0, 0.0, 0.0
    for x in xs:
        n += 1
        delta = float(x) - mean
        m2 += delta * delta * (n - 1) / n
        mean += delta / n
    if n == 0:
        return math.nan, math.nan
    return mean, (m2 / (n - ddof) if n > ddof else math.nan)

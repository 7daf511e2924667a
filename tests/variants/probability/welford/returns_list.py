"""Welford's update, but returns the list [mean, var] instead of the tuple (mean, var)."""
import math


def welford(xs, ddof=0):
    n, mean, m2 = 0, 0.0, 0.0
    for x in xs:
        n += 1
        delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)
    if n == 0:
        return [math.nan, math.nan]
    return [mean, m2 / (n - ddof) if n > ddof else math.nan]

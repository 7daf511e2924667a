"""One pass with Σx and Σx²: catastrophic cancellation at an offset of 1e9."""
import math


def welford(xs, ddof=0):
    n, s, s2 = 0, 0.0, 0.0
    for x in xs:
        n += 1
        s += x
        s2 += x * x
    if n == 0:
        return math.nan, math.nan
    var = (s2 - s * s / n) / (n - ddof) if n > ddof else math.nan
    return s / n, var

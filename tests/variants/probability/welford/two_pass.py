"""Two passes over xs: a generator is empty the second time, so the variance comes out 0."""
import math


def welford(xs, ddof=0):
    n, total = 0, 0.0
    for x in xs:
        n += 1
        total += x
    if n == 0:
        return math.nan, math.nan
    mean = total / n
    m2 = 0.0
    for x in xs:
        m2 += (x - mean) ** 2
    return mean, (m2 / (n - ddof) if n > ddof else math.nan)

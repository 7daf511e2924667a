"""Returns nan only when n == ddof; with n < ddof it divides by a negative count."""
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
    return float(mean), (math.nan if n == ddof else m2 / (n - ddof))

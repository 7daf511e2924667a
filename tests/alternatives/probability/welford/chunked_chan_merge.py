"""Reads the stream in chunks of 64 (still one pass) and merges chunk moments with Chan's parallel formula."""
import itertools
import math


def welford(xs, ddof=0):
    it = iter(xs)
    n, mean, m2 = 0, 0.0, 0.0
    while chunk := [float(v) for v in itertools.islice(it, 64)]:
        nb = len(chunk)
        mean_b = math.fsum(chunk) / nb
        m2_b = math.fsum((v - mean_b) ** 2 for v in chunk)   # two passes over the small chunk, not the stream
        delta = mean_b - mean
        total = n + nb
        mean += delta * nb / total
        m2 += m2_b + delta * delta * n * nb / total
        n = total
    if n == 0:
        return math.nan, math.nan
    return mean, (m2 / (n - ddof) if n > ddof else math.nan)

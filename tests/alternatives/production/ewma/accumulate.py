"""itertools.accumulate carries the running average; the first output is the first value automatically."""
from itertools import accumulate


def ewma(values, alpha):
    smoothed = accumulate((float(v) for v in values), lambda s, x: alpha * x + (1 - alpha) * s)
    return np.fromiter(smoothed, dtype=float)

"""Sorts the caller's array in place (a side effect), otherwise correct."""
import math

import numpy as np


def latency_report(samples):
    values = np.asarray(samples, dtype=float)
    if values.size == 0:
        raise ValueError("empty")
    values.sort()

    def pick(q):
        rank = q / 100 * (values.size - 1)
        lo = math.floor(rank)
        hi = min(lo + 1, values.size - 1)
        return float(values[lo] + (rank - lo) * (values[hi] - values[lo]))

    return {"p50": pick(50), "p95": pick(95), "p99": pick(99),
            "mean": float(values.mean()), "max": float(values[-1])}

"""Interpolation rank q/100 * n instead of q/100 * (n - 1) (off by one)."""
import math


def latency_report(samples):
    values = sorted(float(v) for v in samples)
    if not values:
        raise ValueError("empty")

    def pick(q):
        rank = min(q / 100 * len(values), len(values) - 1)
        lo = math.floor(rank)
        hi = min(lo + 1, len(values) - 1)
        return values[lo] + (rank - lo) * (values[hi] - values[lo])

    return {"p50": pick(50), "p95": pick(95), "p99": pick(99),
            "mean": sum(values) / len(values), "max": values[-1]}

"""Nearest-rank percentiles (s[ceil(q/100 * n) - 1]) instead of the pinned linear interpolation."""
import math


def latency_report(samples):
    values = sorted(float(v) for v in samples)
    if not values:
        raise ValueError("empty")
    pick = lambda q: values[max(0, math.ceil(q / 100 * len(values)) - 1)]  # noqa: E731
    return {"p50": pick(50), "p95": pick(95), "p99": pick(99),
            "mean": sum(values) / len(values), "max": values[-1]}

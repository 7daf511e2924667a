"""Calls the banned numpy.percentile."""
import numpy as np


def latency_report(samples):
    x = np.asarray(samples, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    p50, p95, p99 = np.percentile(x, [50, 95, 99])
    return {"p50": float(p50), "p95": float(p95), "p99": float(p99), "mean": float(x.mean()), "max": float(x.max())}

"""Sorts a numpy copy and interpolates all three percentiles at once with index arrays."""


def latency_report(samples):
    s = np.sort(np.asarray(samples, dtype=float))         # np.sort returns a copy
    if s.size == 0:
        raise ValueError("no latency samples")
    rank = np.array([50.0, 95.0, 99.0]) / 100 * (s.size - 1)
    lo = np.floor(rank).astype(int)
    hi = np.minimum(lo + 1, s.size - 1)
    p50, p95, p99 = s[lo] + (rank - lo) * (s[hi] - s[lo])
    return {"p50": float(p50), "p95": float(p95), "p99": float(p99), "mean": float(s.mean()), "max": float(s[-1])}

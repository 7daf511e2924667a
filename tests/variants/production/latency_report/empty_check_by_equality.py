"""Tests for emptiness with `samples == []`, which an empty numpy array does not satisfy."""


def latency_report(samples):
    if isinstance(samples, list) and samples == []:
        raise ValueError("no samples")
    values = sorted(float(v) for v in samples)

    def pct(q):
        rank = q / 100 * (len(values) - 1)
        lo = math.floor(rank)
        hi = min(lo + 1, len(values) - 1)
        return float(values[lo] + (rank - lo) * (values[hi] - values[lo]))

    return {"p50": pct(50), "p95": pct(95), "p99": pct(99), "mean": sum(values) / len(values), "max": values[-1]}

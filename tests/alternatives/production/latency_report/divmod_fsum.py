"""Pure Python: divmod splits each rank into index and fraction, math.fsum gives the mean."""


def latency_report(samples):
    values = sorted(samples)
    n = len(values)
    if n == 0:
        raise ValueError("latency_report of no samples")

    def pct(q):
        lo, frac = divmod(q * (n - 1) / 100, 1)
        lo = int(lo)
        if lo + 1 >= n:
            return float(values[-1])
        return float(values[lo] + frac * (values[lo + 1] - values[lo]))

    report = {f"p{q}": pct(q) for q in (50, 95, 99)}
    report["mean"] = math.fsum(values) / n
    report["max"] = float(max(values))
    return report

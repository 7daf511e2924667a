"""Bins each value with bisect.bisect_right over the inner edges in a Python loop and sums with math.log."""
import bisect


def psi(reference, current, bins=10):
    reference = np.asarray(reference, dtype=float)
    inner = list(np.quantile(reference, np.linspace(0, 1, bins + 1))[1:-1])

    def proportions(sample):
        counts = [0] * bins
        for value in sample:
            counts[bisect.bisect_right(inner, float(value))] += 1
        return [max(c / len(sample), 1e-4) for c in counts]

    p_ref, p_cur = proportions(reference), proportions(current)
    return sum((c - r) * math.log(c / r) for r, c in zip(p_ref, p_cur))

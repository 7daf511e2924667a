"""z from integer counts (numerator s_a*n_b - s_b*n_a) and the two-sided p from math.erfc."""


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    s, n = successes_a + successes_b, n_a + n_b
    f = n - s                                              # pooled failures
    if s == 0 or f == 0:
        return 0.0, 1.0
    # (p_a - p_b) / sqrt(p (1 - p) (1/n_a + 1/n_b)) with p = s / n, multiplied out
    z = (successes_a * n_b - successes_b * n_a) * math.sqrt(n / (s * f * n_a * n_b))
    return z, math.erfc(abs(z) / math.sqrt(2))

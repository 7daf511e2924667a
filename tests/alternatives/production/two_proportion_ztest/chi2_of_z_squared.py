"""Computes z like the brief, then the two-sided p as the chi-square(1) survival of z squared."""


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    pooled = (successes_a + successes_b) / (n_a + n_b)
    if not 0.0 < pooled < 1.0:
        return 0.0, 1.0
    variance = pooled * (1 - pooled) * (n_a + n_b) / (n_a * n_b)
    z = (successes_a / n_a - successes_b / n_b) / variance ** 0.5
    return float(z), float(stats.chi2.sf(z * z, df=1))

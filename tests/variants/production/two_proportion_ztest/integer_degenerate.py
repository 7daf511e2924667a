"""Returns the degenerate answer as the ints (0, 1) instead of the floats (0.0, 1.0)."""


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    pooled = (successes_a + successes_b) / (n_a + n_b)
    if pooled in (0, 1):
        return 0, 1
    z = (successes_a / n_a - successes_b / n_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return float(z), float(2 * stats.norm.sf(abs(z)))

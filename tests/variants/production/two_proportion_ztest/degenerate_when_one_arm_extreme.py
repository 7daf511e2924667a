"""Returns (0.0, 1.0) as soon as ONE arm's rate is 0 or 1, not only when the pooled rate is."""


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    p_a, p_b = successes_a / n_a, successes_b / n_b
    if p_a in (0.0, 1.0) or p_b in (0.0, 1.0):
        return 0.0, 1.0
    pooled = (successes_a + successes_b) / (n_a + n_b)
    z = (p_a - p_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return float(z), float(2 * stats.norm.sf(abs(z)))

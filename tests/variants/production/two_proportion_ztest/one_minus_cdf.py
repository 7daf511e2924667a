"""p_value = 2 * (1 - norm.cdf(|z|)): a large |z| gives 0.0 instead of its tiny p-value."""


def two_proportion_ztest(successes_a, n_a, successes_b, n_b):
    pooled = (successes_a + successes_b) / (n_a + n_b)
    if pooled <= 0.0 or pooled >= 1.0:
        return 0.0, 1.0
    z = (successes_a / n_a - successes_b / n_b) / math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return float(z), float(2 * (1 - stats.norm.cdf(abs(z))))

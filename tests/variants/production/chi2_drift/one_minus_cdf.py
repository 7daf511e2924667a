"""p_value = 1 - chi2.cdf(statistic, K - 1): a strong drift's tiny p-value cancels to 0.0."""


def chi2_drift(reference, current, alpha=0.05):
    categories = sorted(set(reference) | set(current))
    table = np.array([[list(reference).count(c) for c in categories], [list(current).count(c) for c in categories]],
                     dtype=float)
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    statistic = float(np.sum((table - expected) ** 2 / expected))
    p = float(1.0 - stats.chi2.cdf(statistic, len(categories) - 1))
    return statistic, p, bool(p < alpha)

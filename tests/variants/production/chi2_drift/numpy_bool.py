"""Returns numpy scalars: the statistic and p-value as numpy.float64 and drifted as a numpy.bool_."""


def chi2_drift(reference, current, alpha=0.05):
    categories = sorted(set(reference) | set(current))
    table = np.array([[list(reference).count(c) for c in categories], [list(current).count(c) for c in categories]],
                     dtype=float)
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    statistic = np.sum((table - expected) ** 2 / expected)
    p = stats.chi2.sf(statistic, len(categories) - 1)
    return statistic, p, p < alpha
